package org.openmiles.accrual.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmiles.accrual.domain.FlightEarning.Factor;
import org.openmiles.accrual.domain.FlightEarning.Region;

class FlightEarningTest {
  static final LocalDate FROM = LocalDate.of(2000, 1, 1);
  static final Factor Y_DOM =
      new Factor("VN", "Y", Region.DOMESTIC, new BigDecimal("1.10"), BigDecimal.ONE, FROM, null);
  static final Factor N_DOM =
      new Factor("VN", "N", Region.DOMESTIC, new BigDecimal("0.50"), BigDecimal.ONE, FROM, null);
  static final Factor J_INT =
      new Factor(
          "VN", "J", Region.INTERNATIONAL, new BigDecimal("2.00"), BigDecimal.ONE, FROM, null);

  @Test
  void baseMilesAreDistanceTimesTheClassFactorRoundedHalfUp() {
    // HAN-SGN 721 miles in Y: 793.1 -> 793
    assertThat(FlightEarning.rate(721, Y_DOM, 250, 0))
        .isEqualTo(new FlightEarning.Miles(793, 0, 793, BigDecimal.ONE));
    // 721 in N at 0.50: 360.5 -> 361
    assertThat(FlightEarning.rate(721, N_DOM, 250, 0).baseMiles()).isEqualTo(361);
    // HAN-NRT about 2,300 in J at 2.00
    assertThat(FlightEarning.rate(2_300, J_INT, 500, 0).baseMiles()).isEqualTo(4_600);
  }

  @Test
  void aShortFlightEarnsAtLeastTheMinimum() {
    assertThat(FlightEarning.rate(200, N_DOM, 250, 0).baseMiles()).isEqualTo(250);
    assertThat(FlightEarning.rate(200, N_DOM, 250, 0).qualifyingMiles()).isEqualTo(250);
  }

  @Test
  void theTierBonusIsSeparateAndDoesNotQualify() {
    FlightEarning.Miles gold = FlightEarning.rate(721, Y_DOM, 250, 50);
    assertThat(gold.baseMiles()).isEqualTo(793);
    assertThat(gold.tierBonusMiles()).isEqualTo(397); // 396.5 -> 397
    assertThat(gold.qualifyingMiles()).isEqualTo(793);
    assertThat(gold.total()).isEqualTo(1_190);
    assertThat(FlightEarning.rate(721, Y_DOM, 250, 100).tierBonusMiles()).isEqualTo(793);
  }

  @Test
  void theFactorInForceOnTheFlightDateApplies() {
    Factor old =
        new Factor(
            "VN",
            "Y",
            Region.DOMESTIC,
            new BigDecimal("1.00"),
            BigDecimal.ONE,
            FROM,
            LocalDate.of(2026, 1, 1));
    Factor current =
        new Factor(
            "VN",
            "Y",
            Region.DOMESTIC,
            new BigDecimal("1.10"),
            BigDecimal.ONE,
            LocalDate.of(2026, 1, 1),
            null);
    List<Factor> all = List.of(old, current, N_DOM, J_INT);
    assertThat(FlightEarning.factorFor(all, "VN", "Y", Region.DOMESTIC, LocalDate.of(2025, 12, 31)))
        .contains(old);
    assertThat(FlightEarning.factorFor(all, "VN", "Y", Region.DOMESTIC, LocalDate.of(2026, 1, 1)))
        .contains(current);
    assertThat(FlightEarning.factorFor(all, "VN", "J", Region.DOMESTIC, LocalDate.of(2026, 1, 1)))
        .isEmpty();
    assertThat(FlightEarning.factorFor(all, "QH", "Y", Region.DOMESTIC, LocalDate.of(2026, 1, 1)))
        .isEmpty();
    assertThatThrownBy(() -> FlightEarning.rate(0, Y_DOM, 250, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void revenueMilesAreFareTimesTheTierRateAndOnlyTheBaseRateQualifies() {
    // Gold: 8 miles per USD, base tier 5 (DESIGN.md); fare 123.45 USD
    FlightEarning.Miles m =
        FlightEarning.rateRevenue(
            new BigDecimal("123.45"), new BigDecimal("5"), new BigDecimal("8"), BigDecimal.ONE);
    assertThat(m.total()).isEqualTo(988); // 987.6 half up
    assertThat(m.qualifyingMiles()).isEqualTo(617); // 617.25
    assertThat(m.tierBonusMiles()).isEqualTo(371);
    assertThat(m.qualifyingSegments()).isEqualByComparingTo("1");
    FlightEarning.Miles base =
        FlightEarning.rateRevenue(
            new BigDecimal("0.10"), new BigDecimal("5"), new BigDecimal("5"), BigDecimal.ONE);
    assertThat(base.total()).isEqualTo(1); // 0.5 half up
    assertThat(base.tierBonusMiles()).isZero();
    assertThatThrownBy(
            () ->
                FlightEarning.rateRevenue(
                    new BigDecimal("-1"), BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
