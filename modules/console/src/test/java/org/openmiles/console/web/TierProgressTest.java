package org.openmiles.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmiles.tiers.api.TierProgressView;
import org.openmiles.tiers.api.TierStatusView;

class TierProgressTest {

  private static TierStatusView tier(long miles, String flights, long lifetime) {
    return new TierStatusView(
        "1000000001",
        "SILVER",
        "Silver",
        null,
        "SILVER",
        null,
        null,
        null,
        "CY",
        null,
        null,
        miles,
        new BigDecimal(flights),
        BigDecimal.ZERO,
        null,
        lifetime,
        null,
        null);
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0, 100", // nothing had, nothing needed: reached
    "0, 10, 0",
    "1, 2, 33", // rounded down
    "2, 1, 66",
    "999, 1, 99", // never 100 while anything is still needed
    "5, 0, 100"
  })
  void percentIsWhatIsHadOutOfHadPlusNeededRoundedDown(String have, String needed, int percent) {
    assertThat(TierProgress.percent(new BigDecimal(have), new BigDecimal(needed)))
        .isEqualTo(percent);
  }

  @Test
  void milesCountThePeriodWhenFlightsAlsoQualify() {
    TierProgressView next = new TierProgressView("GOLD", 7_500, new BigDecimal("5"), null);
    assertThat(TierProgress.miles(tier(2_500, "3", 90_000), next)).isEqualTo(25);
    assertThat(TierProgress.flights(tier(2_500, "3", 90_000), next)).isEqualTo(37);
  }

  @Test
  void aLifetimeTierCountsLifetimeMilesAndNoFlights() {
    TierProgressView lifetime = new TierProgressView("TITANIUM_LIFE", 10_000, null, null);
    assertThat(TierProgress.miles(tier(2_500, "3", 90_000), lifetime)).isEqualTo(90);
    assertThat(TierProgress.flights(tier(2_500, "3", 90_000), lifetime)).isZero();
  }

  @Test
  void noTierOrNoTargetIsZero() {
    TierProgressView next = new TierProgressView("GOLD", 7_500, new BigDecimal("5"), null);
    assertThat(TierProgress.miles(null, next)).isZero();
    assertThat(TierProgress.miles(tier(1, "1", 1), null)).isZero();
    assertThat(TierProgress.flights(null, next)).isZero();
  }
}
