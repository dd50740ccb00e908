package org.openmiles.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {
  @Test
  void amountsAreScaledToTheCurrencyAndCompareByValue() {
    assertThat(Money.of("10.5", "USD")).isEqualTo(Money.of("10.50", "USD"));
    assertThat(Money.of("25000", "VND").amount().scale()).isZero();
    assertThat(Money.of("10.25", "USD").plus(Money.of("0.75", "USD")))
        .isEqualTo(Money.of("11", "USD"));
    assertThat(Money.of("1", "USD").minus(Money.of("2", "USD")).isNegative()).isTrue();
    assertThat(Money.of("1.5", "USD").toString()).isEqualTo("1.50 USD");
  }

  @Test
  void moneyRefusesFractionsTheCurrencyDoesNotHaveAndMixedCurrencies() {
    assertThatThrownBy(() -> Money.of("1.005", "USD")).hasMessageContaining("more decimals");
    assertThatThrownBy(() -> Money.of("100.5", "VND")).hasMessageContaining("more decimals");
    assertThatThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "VND")))
        .hasMessageContaining("cannot combine");
    assertThatThrownBy(() -> Money.of("1", "XYZ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aValidatorCollectsEveryFieldError() {
    Validator v =
        new Validator()
            .requireText(null, "a", 5)
            .requireText("toolong", "b", 5)
            .require(true, "c", "x");
    assertThat(v.ok()).isFalse();
    assertThatThrownBy(v::throwIfInvalid)
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("a", "b"));
    assertThatThrownBy(() -> Validator.valid("date", () -> java.time.LocalDate.parse("2026-02-30")))
        .isInstanceOf(ValidationException.class);
  }
}
