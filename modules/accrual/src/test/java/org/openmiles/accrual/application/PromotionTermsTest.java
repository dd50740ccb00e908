package org.openmiles.accrual.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openmiles.accrual.domain.Promotion;
import org.openmiles.common.ValidationException;

class PromotionTermsTest {
  static final LocalDate FROM = LocalDate.of(2027, 1, 1);

  @Test
  void readsTheTermsAndWritesThemBackTheSame() {
    Map<String, String> fields =
        Map.of(
            "name", "Double miles SGN-HAN",
            "type", "MULTIPLIER",
            "multiplier", "2.00",
            "appliesTo", "FLIGHT",
            "origin", "SGN",
            "destination", "HAN",
            "bothDirections", "true",
            "bookingClasses", "JCY",
            "firstDay", "2027-01-01",
            "lastDay", "2027-01-31");
    Promotion p = PromotionTerms.read("DOUBLE_SGN_HAN", fields, FROM, partner -> true);
    assertThat(p.effectiveTo()).as("the last day is included").isEqualTo(LocalDate.of(2027, 2, 1));
    assertThat(p.version().from()).isEqualTo(FROM);
    assertThat(p.registrationRequired()).isFalse();
    Map<String, String> back = PromotionTerms.fields(p);
    assertThat(back).containsAllEntriesOf(fields).containsEntry("registrationRequired", "false");
  }

  @Test
  void everyBrokenFieldIsReportedAtOnce() {
    Map<String, String> fields =
        Map.of(
            "type", "MULTIPLIER",
            "bonusMiles", "100",
            "appliesTo", "PARTNER",
            "partner", "NOBODY",
            "region", "DOMESTIC",
            "firstDay", "2027-02-01",
            "lastDay", "2027-01-31",
            "registrationRequired", "perhaps",
            "colour", "red");
    assertThatThrownBy(() -> PromotionTerms.read("X_1", fields, FROM, partner -> false))
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).fieldErrors())
                    .containsOnlyKeys(
                        "name",
                        "multiplier",
                        "bonusMiles",
                        "partner",
                        "region",
                        "lastDay",
                        "registrationRequired",
                        "colour"));
  }

  @Test
  void aFixedBonusNeedsItsMilesAndNoMultiplier() {
    assertThatThrownBy(
            () ->
                PromotionTerms.read(
                    "X_2",
                    Map.of(
                        "name", "n",
                        "type", "FIXED_BONUS",
                        "multiplier", "11",
                        "appliesTo", "ANY",
                        "firstDay", "2027-01-01"),
                    FROM,
                    partner -> true))
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).fieldErrors())
                    .containsOnlyKeys("bonusMiles", "multiplier"));
  }
}
