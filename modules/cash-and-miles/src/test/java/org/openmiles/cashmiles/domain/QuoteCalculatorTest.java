package org.openmiles.cashmiles.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.openmiles.common.Money;

class QuoteCalculatorTest {
  /** The seeded default: 2,500 miles per passenger-segment, steps of 500, up to the whole fare. */
  private static final CashMilesRule RULE =
      new CashMilesRule(
          2_500, 500, new BigDecimal("100.00"), 600, 900, new RefundRules(false, true));

  private static final BigDecimal USD_CENT = new BigDecimal("0.01");
  private static final BigDecimal VND_250 = new BigDecimal("250");

  private static QuoteCalculator.Fare usd(String base, String taxes, int pax, int segments) {
    return new QuoteCalculator.Fare(Money.of(base, "USD"), Money.of(taxes, "USD"), pax, segments);
  }

  @Test
  void milesRunFromTheMinimumPerPassengerAndSegmentToTheWholeBaseFareInSteps() {
    QuoteCalculator.Range r = QuoteCalculator.range(usd("347.99", "52.10", 2, 2), RULE, USD_CENT);
    assertThat(r.minimum()).isEqualTo(10_000); // 2,500 x 2 passengers x 2 segments
    assertThat(r.maximum()).isEqualTo(34_500); // 34,799 miles of fare, down to the step
    assertThat(r.allows(10_000)).isTrue();
    assertThat(r.allows(34_500)).isTrue();
    assertThat(r.allows(35_000)).isFalse();
    assertThat(r.allows(10_250)).as("off the step").isFalse();
    assertThat(r.allows(9_500)).as("below the minimum").isFalse();
  }

  @Test
  void taxesAreAlwaysCashAndTheCashPartIsToTheMinorUnit() {
    QuoteCalculator.Fare fare = usd("347.99", "52.10", 1, 1);
    QuoteCalculator.Split s = QuoteCalculator.split(fare, 20_000, USD_CENT);
    assertThat(s.milesValue()).isEqualTo(Money.of("200.00", "USD"));
    assertThat(s.cashForFare()).isEqualTo(Money.of("147.99", "USD"));
    assertThat(s.totalCash()).isEqualTo(Money.of("200.09", "USD"));
    QuoteCalculator.Fare vnd =
        new QuoteCalculator.Fare(Money.of("2500000", "VND"), Money.of("430000", "VND"), 1, 1);
    QuoteCalculator.Split v = QuoteCalculator.split(vnd, 7_500, VND_250);
    assertThat(v.cashForFare()).isEqualTo(Money.of("625000", "VND"));
    assertThat(QuoteCalculator.range(vnd, RULE, VND_250).maximum()).isEqualTo(10_000);
  }

  @Test
  void aShareBelowTheWholeFareAndTheMembersMilesCapTheRange() {
    CashMilesRule half =
        new CashMilesRule(2_500, 500, new BigDecimal("50"), 600, 900, new RefundRules(false, true));
    QuoteCalculator.Range r = QuoteCalculator.range(usd("1000.00", "0", 1, 1), half, USD_CENT);
    assertThat(r.maximum()).isEqualTo(50_000);
    assertThat(r.cappedAt(12_345).maximum()).isEqualTo(12_000);
    assertThat(r.cappedAt(2_499).isEmpty()).as("not even the minimum").isTrue();
  }

  @Test
  void aFareWorthLessThanTheMinimumAllowsNoMiles() {
    QuoteCalculator.Range r = QuoteCalculator.range(usd("24.99", "10.00", 1, 1), RULE, USD_CENT);
    assertThat(r.isEmpty()).isTrue();
    assertThat(QuoteCalculator.examples(usd("24.99", "10.00", 1, 1), r, USD_CENT, 3)).isEmpty();
  }

  @Test
  void examplesShowTheEndsAndEvenStepsBetween() {
    QuoteCalculator.Fare fare = usd("100.00", "20.00", 1, 1);
    QuoteCalculator.Range r = QuoteCalculator.range(fare, RULE, USD_CENT);
    assertThat(QuoteCalculator.examples(fare, r, USD_CENT, 3))
        .extracting(QuoteCalculator.Split::miles)
        .containsExactly(2_500L, 4_000L, 6_000L, 8_000L, 10_000L);
  }

  @Test
  void faresAndRulesOutsideTheirBoundsAreRefused() {
    assertThatThrownBy(() -> usd("0", "1", 1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new QuoteCalculator.Fare(Money.of("10", "USD"), Money.of("1", "VND"), 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new CashMilesRule(
                    2_500, 300, BigDecimal.TEN, 600, 900, new RefundRules(true, true)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
