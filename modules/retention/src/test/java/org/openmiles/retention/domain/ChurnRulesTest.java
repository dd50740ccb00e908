package org.openmiles.retention.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ChurnRulesTest {
  private final ChurnRules rules = new ChurnRules(0.3, 3.0, 30, 90);
  private final LocalDate asOf = LocalDate.of(2026, 12, 5);

  @Test
  void pAliveBelowTheThresholdIsAReasonWithTheFigures() {
    assertThat(rules.pAlive(0.31)).isEmpty();
    assertThat(rules.pAlive(0.3)).isEmpty();
    ChurnReason r = rules.pAlive(0.12).orElseThrow();
    assertThat(r.code()).isEqualTo("P_ALIVE_LOW");
    assertThat(r.text()).contains("0.12").contains("0.30");
  }

  @Test
  void aGapBeyondTheMembersOwnUsualGapIsAReason() {
    // 10 repeats over 100 days: a usual gap of 10 days; silent for 31 days (> 3 x 10, >= 30)
    ChurnReason r = rules.gap(10, 100, 131).orElseThrow();
    assertThat(r.code()).isEqualTo("RECENCY_GAP");
    assertThat(r.text())
        .isEqualTo("No activity for 31 days, 3.1× their usual 10 days between activities.");
    assertThat(rules.gap(10, 100, 130)).as("exactly 3 x the usual gap").isEmpty();
    // a usual gap of 2 days: silent 20 days is 10 x, but under the 30-day minimum
    assertThat(rules.gap(10, 20, 40)).isEmpty();
    // a member who flies twice a year is not late after 90 days
    assertThat(rules.gap(2, 360, 450)).isEmpty();
    assertThat(rules.gap(0, 0, 400)).as("no repeat: no usual gap").isEmpty();
  }

  @Test
  void bothHistoryReasonsTogether() {
    assertThat(rules.fromHistory(0.1, 10, 100, 400))
        .extracting(ChurnReason::code)
        .containsExactly("P_ALIVE_LOW", "RECENCY_GAP");
    assertThat(rules.fromHistory(0.9, 10, 100, 105)).isEmpty();
  }

  @Test
  void aTierEndingSoonWithoutItsRequirementMetIsAtRisk() {
    ChurnReason r =
        rules
            .tierAtRisk("Gold", asOf.plusDays(60), asOf, 12_000, new BigDecimal("8.0"), null, null)
            .orElseThrow();
    assertThat(r.code()).isEqualTo("TIER_AT_RISK");
    assertThat(r.text())
        .isEqualTo(
            "Holds Gold until 2027-02-03 and still needs 12,000 qualifying miles or 8 flights to keep it.");
    assertThat(rules.tierAtRisk("Gold", asOf.plusDays(91), asOf, 12_000, null, null, null))
        .as("ends beyond the window")
        .isEmpty();
    assertThat(rules.tierAtRisk("Gold", asOf.plusDays(30), asOf, 0, null, null, null))
        .as("requirement met")
        .isEmpty();
    assertThat(rules.tierAtRisk("Gold", null, asOf, 5_000, null, null, null))
        .as("no end date")
        .isEmpty();
  }

  @Test
  void expiringMilesSayHowManyFromWhenAndWhy() {
    assertThat(rules.milesExpiring(12_500, LocalDate.of(2027, 1, 31), "INACTIVITY").text())
        .isEqualTo("12,500 miles expire from 2027-01-31 for inactivity.");
    assertThat(rules.milesExpiring(800, LocalDate.of(2027, 1, 31), "FIXED_TERM").code())
        .isEqualTo("MILES_EXPIRING");
  }

  @Test
  void thresholdsOutOfRangeAreRefused() {
    assertThatThrownBy(() -> new ChurnRules(0, 3, 30, 90)).hasMessageContaining("P(alive)");
    assertThatThrownBy(() -> new ChurnRules(0.3, 1, 30, 90)).hasMessageContaining("gap factor");
    assertThatThrownBy(() -> new ChurnRules(0.3, 3, 0, 90)).hasMessageContaining("minimum gap");
  }

  @Test
  void numbersInTheSentencesAreRoundedAsPrintfRoundsThem() {
    java.util.Random random = new java.util.Random(5);
    for (int i = 0; i < 100_000; i++) {
      double v = i % 2 == 0 ? random.nextDouble() : random.nextDouble() * 300;
      if (i % 5 == 0) {
        v = Math.round(v * 1000) / 1000.0; // ties such as 0.125 and 2.5
      }
      int decimals = i % 3;
      assertThat(ChurnRules.fixed(v, decimals))
          .as("%s to %d decimals", v, decimals)
          .isEqualTo(String.format(java.util.Locale.ROOT, "%." + decimals + "f", v));
    }
  }
}
