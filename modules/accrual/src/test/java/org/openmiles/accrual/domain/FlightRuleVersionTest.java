package org.openmiles.accrual.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.openmiles.common.ValidationException;

class FlightRuleVersionTest {

  private static Map<String, String> errors(
      Function<Map<String, String>, ?> parse, Map<String, String> fields) {
    try {
      parse.apply(fields);
    } catch (ValidationException e) {
      return e.fieldErrors();
    }
    throw new AssertionError("accepted " + fields);
  }

  @Test
  void factorsWithinTheTablesBoundsAreRead() {
    FlightRuleVersion.Factors f =
        FlightRuleVersion.factors(Map.of("earnFactor", "1.4", "segmentFactor", "0.5"));
    assertThat(f.earnFactor()).isEqualByComparingTo("1.40");
    assertThat(f.segmentFactor()).isEqualByComparingTo("0.50");
    // the bounds themselves: (0, 5] and [0, 2]
    assertThat(FlightRuleVersion.factors(Map.of("earnFactor", "5", "segmentFactor", "0")))
        .isEqualTo(new FlightRuleVersion.Factors(new BigDecimal("5"), new BigDecimal("0")));
    assertThat(FlightRuleVersion.factors(Map.of("earnFactor", "0.01", "segmentFactor", "2.00")))
        .isNotNull();
  }

  @Test
  void everyBrokenFactorIsReportedAtOnce() {
    Map<String, String> e =
        errors(
            FlightRuleVersion::factors,
            Map.of("earnFactor", "6", "segmentFactor", "-1", "bonus", "2"));
    assertThat(e).containsOnlyKeys("earnFactor", "segmentFactor", "bonus");
    assertThat(e.get("earnFactor")).contains("at most 5");
    assertThat(e.get("segmentFactor")).contains("-1");
    assertThat(e.get("bonus")).contains("not a field");
    assertThat(
            errors(FlightRuleVersion::factors, Map.of("earnFactor", "0", "segmentFactor", "2.5")))
        .containsOnlyKeys("earnFactor", "segmentFactor");
    assertThat(
            errors(FlightRuleVersion::factors, Map.of("earnFactor", "1.105", "segmentFactor", "x")))
        .containsOnlyKeys("earnFactor", "segmentFactor");
    assertThat(errors(FlightRuleVersion::factors, Map.of()))
        .containsOnlyKeys("earnFactor", "segmentFactor");
  }

  @Test
  void minimumMilesAreAWholeNumberUpToTenThousand() {
    assertThat(FlightRuleVersion.minimumMiles(Map.of("minimumMiles", "0"))).isZero();
    assertThat(FlightRuleVersion.minimumMiles(Map.of("minimumMiles", "10000"))).isEqualTo(10_000);
    assertThat(errors(FlightRuleVersion::minimumMiles, Map.of("minimumMiles", "10001")))
        .containsOnlyKeys("minimumMiles");
    assertThat(errors(FlightRuleVersion::minimumMiles, Map.of("minimumMiles", "-1")))
        .containsOnlyKeys("minimumMiles");
    assertThat(errors(FlightRuleVersion::minimumMiles, Map.of("minimumMiles", "2.5")))
        .containsOnlyKeys("minimumMiles");
    assertThat(errors(FlightRuleVersion::minimumMiles, Map.of("miles", "500")))
        .containsOnlyKeys("minimumMiles", "miles");
  }

  @Test
  void aRevenueRateIsAboveZeroWithTwoDecimals() {
    assertThat(FlightRuleVersion.milesPerUnit(Map.of("milesPerUnit", "7.5")))
        .isEqualByComparingTo("7.50");
    assertThat(FlightRuleVersion.milesPerUnit(Map.of("milesPerUnit", "9999.99"))).isNotNull();
    for (String bad : new String[] {"0", "-2", "1.234", "10000", "five"}) {
      assertThat(errors(FlightRuleVersion::milesPerUnit, Map.of("milesPerUnit", bad)))
          .as(bad)
          .containsOnlyKeys("milesPerUnit");
    }
  }

  @Test
  void aModelIsDistanceOrRevenue() {
    assertThat(FlightRuleVersion.model(Map.of("model", " revenue "))).isEqualTo("REVENUE");
    assertThat(FlightRuleVersion.model(Map.of("model", "DISTANCE"))).isEqualTo("DISTANCE");
    assertThat(errors(FlightRuleVersion::model, Map.of("model", "HYBRID")).get("model"))
        .contains("DISTANCE or REVENUE")
        .contains("HYBRID");
    assertThat(errors(FlightRuleVersion::model, Map.of())).containsOnlyKeys("model");
    assertThat(errors(FlightRuleVersion::model, Map.of("model", "REVENUE", "rate", "5")))
        .containsOnlyKeys("rate");
  }
}
