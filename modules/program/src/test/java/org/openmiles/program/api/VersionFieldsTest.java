package org.openmiles.program.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openmiles.common.ValidationException;

class VersionFieldsTest {
  private static final Set<String> KNOWN = Set.of("miles", "price", "currency", "cap");

  @Test
  void readsGoodValuesAndRefusesEveryBadFieldAtOnce() {
    VersionFields good =
        new VersionFields(Map.of("miles", " 500 ", "price", "0.012", "currency", "USD"), KNOWN);
    assertThat(good.whole("miles", true, 1, 1000)).isEqualTo(500L);
    assertThat(good.decimal("price", true, false, 6, 6)).isEqualByComparingTo("0.012");
    assertThat(good.currency("currency", true)).isEqualTo("USD");
    assertThat(good.whole("cap", false, 1, 1000)).isNull();
    assertThat(good.ok()).isTrue();

    VersionFields bad =
        new VersionFields(
            Map.of("miles", "0", "price", "1.1234567", "currency", "usd", "colour", "red"), KNOWN);
    bad.whole("miles", true, 1, 1000);
    bad.decimal("price", true, false, 6, 6);
    bad.currency("currency", true);
    bad.whole("cap", true, 1, 1000);
    assertThatThrownBy(bad::throwIfInvalid)
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.fieldErrors())
                    .containsOnlyKeys("miles", "price", "currency", "cap", "colour")
                    .hasEntrySatisfying("colour", why -> assertThat(why).contains("cap, currency"))
                    .hasEntrySatisfying("cap", why -> assertThat(why).startsWith("required")));
  }

  @Test
  void decimalsKeepTheirColumnsLimitsAndZeroOnlyWhereAllowed() {
    VersionFields f = new VersionFields(Map.of("price", "0", "cap", "1234567.5"), KNOWN);
    assertThat(f.decimal("price", true, true, 6, 2)).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(f.decimal("cap", true, true, 6, 2)).as("7 digits before the point").isNull();
    assertThat(f.ok()).isFalse();
    VersionFields positive = new VersionFields(Map.of("price", "0"), KNOWN);
    assertThat(positive.decimal("price", true, false, 6, 2)).isNull();
    assertThat(positive.ok()).isFalse();
  }

  @Test
  void anOwnersOwnRuleJoinsTheFieldErrorsButNeverReplacesOne() {
    VersionFields f = new VersionFields(Map.of("miles", "x"), KNOWN);
    f.whole("miles", true, 1, 10);
    f.refuse("miles", "must be above the tier below");
    f.refuse("price", "must be below the tier above");
    assertThatThrownBy(f::throwIfInvalid)
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.fieldErrors().get("miles")).contains("whole number");
              assertThat(e.fieldErrors().get("price")).contains("tier above");
            });
  }
}
