package org.openmiles.accrual.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class QualifyingSpendTest {

  private static BigDecimal convert(String fare, String rate, String currency) {
    return QualifyingSpend.convert(new BigDecimal(fare), new BigDecimal(rate), currency);
  }

  @Test
  void roundsHalfUpToTheSpendCurrencysMinorUnits() {
    // 4,500,000 VND x 0.0000394 = 177.30 USD exactly
    assertThat(convert("4500000", "0.0000394", "USD")).isEqualTo(new BigDecimal("177.30"));
    // 1,234,567 VND x 0.0000394 = 48.6419398: 48.64
    assertThat(convert("1234567", "0.0000394", "USD")).isEqualTo(new BigDecimal("48.64"));
    // 0.005 rounds up, 0.00499 down
    assertThat(convert("1", "0.005", "USD")).isEqualTo(new BigDecimal("0.01"));
    assertThat(convert("1", "0.00499", "USD")).isEqualTo(new BigDecimal("0.00"));
    // whole units for VND and JPY: 12.50 USD x 25,400 = 317,500 VND; 0.5 JPY rounds up
    assertThat(convert("12.50", "25400", "VND")).isEqualTo(new BigDecimal("317500"));
    assertThat(convert("1.25", "0.4", "JPY")).isEqualTo(new BigDecimal("1"));
    // three-decimal currencies are counted in hundredths (the counters' precision)
    assertThat(convert("10", "0.3075", "KWD")).isEqualTo(new BigDecimal("3.08"));
  }

  @Test
  void aFareInTheSpendCurrencyIsRoundedTheSameWay() {
    assertThat(QualifyingSpend.same(new BigDecimal("250.005"), "USD"))
        .isEqualTo(new BigDecimal("250.01"));
    assertThat(QualifyingSpend.same(new BigDecimal("0"), "USD")).isEqualTo(new BigDecimal("0.00"));
  }

  @Test
  void refusesNegativeFaresAndNonPositiveRates() {
    assertThatThrownBy(() -> convert("-1", "1", "USD"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> convert("1", "0", "USD")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void knowsIsoCurrenciesOnly() {
    assertThat(QualifyingSpend.isKnownCurrency("USD")).isTrue();
    assertThat(QualifyingSpend.isKnownCurrency("VND")).isTrue();
    assertThat(QualifyingSpend.isKnownCurrency("XYZ")).isFalse();
    assertThat(QualifyingSpend.isKnownCurrency(null)).isFalse();
  }
}
