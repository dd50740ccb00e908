package org.openmiles.accrual.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openmiles.accrual.api.EarnBasis;
import org.openmiles.common.ValidationException;

class PartnerEarnRuleVersionTest {
  private static final LocalDate FROM = LocalDate.of(2027, 1, 1);

  private static Map<String, String> errors(Map<String, String> fields, LocalDate from) {
    try {
      PartnerEarnRuleVersion.of(fields, from);
    } catch (ValidationException e) {
      return e.fieldErrors();
    }
    throw new AssertionError("accepted " + fields);
  }

  @Test
  void aSpendRuleInItsCurrencyRatesAsTheTableWould() {
    PartnerEarnRule r =
        PartnerEarnRuleVersion.of(
            Map.of(
                "basis", "spend",
                "miles", "1",
                "perQuantity", "25000",
                "currency", "VND",
                "maxMilesPerRecord", "5000"),
            FROM);
    assertThat(r.basis()).isEqualTo(EarnBasis.SPEND);
    assertThat(r.effectiveFrom()).isEqualTo(FROM);
    assertThat(r.effectiveTo()).isNull();
    assertThat(r.rate(new BigDecimal("1000000"), "VND")).isEqualTo(40);
    assertThat(r.rate(new BigDecimal("999999999"), "VND")).isEqualTo(5000);
  }

  @Test
  void aNightRuleHasNoCurrency() {
    PartnerEarnRule r =
        PartnerEarnRuleVersion.of(
            Map.of("basis", "STAY_NIGHT", "miles", "500", "perQuantity", "1"), FROM);
    assertThat(r.rate(new BigDecimal("3"), null)).isEqualTo(1500);
    assertThat(
            errors(
                Map.of(
                    "basis", "STAY_NIGHT", "miles", "500", "perQuantity", "1", "currency", "USD"),
                FROM))
        .containsOnlyKeys("currency");
  }

  @Test
  void everyBrokenFieldIsReportedAtOnce() {
    Map<String, String> e =
        errors(
            Map.of(
                "basis", "MILES",
                "miles", "0",
                "perQuantity", "1.005",
                "maxMilesPerRecord", "many",
                "bonus", "2"),
            null);
    assertThat(e)
        .containsOnlyKeys(
            "basis", "miles", "perQuantity", "maxMilesPerRecord", "bonus", "effectiveFrom");
    assertThat(e.get("basis")).contains("STAY_NIGHT, RENTAL_DAY, SPEND").contains("MILES");
    assertThat(e.get("bonus")).contains("not a field");
  }

  @Test
  void aSpendRuleNeedsAProperCurrency() {
    assertThat(errors(Map.of("basis", "SPEND", "miles", "1", "perQuantity", "10"), FROM))
        .containsOnlyKeys("currency");
    assertThat(
            errors(
                Map.of("basis", "SPEND", "miles", "1", "perQuantity", "10", "currency", "vnd"),
                FROM))
        .containsOnlyKeys("currency");
  }

  @Test
  void requiredFieldsAndTheColumnsLimits() {
    assertThat(errors(Map.of(), FROM)).containsOnlyKeys("basis", "miles", "perQuantity");
    assertThat(
            errors(Map.of("basis", "RENTAL_DAY", "miles", "3000000000", "perQuantity", "-1"), FROM))
        .containsOnlyKeys("miles", "perQuantity");
    assertThat(
            errors(
                Map.of("basis", "RENTAL_DAY", "miles", "1", "perQuantity", "12345678901234567"),
                FROM))
        .containsOnlyKeys("perQuantity");
  }
}
