package org.openmiles.accrual.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MissingMilesRulesTest {

  @Test
  void vietnameseDiacriticsCaseAndSpacesAreIgnored() {
    assertThat(MissingMilesRules.namesMatch("NGUYEN", "Nguyễn")).isTrue();
    assertThat(MissingMilesRules.namesMatch("TRUONG", "Trương")).isTrue();
    assertThat(MissingMilesRules.namesMatch("DANG", "Đặng")).isTrue();
    assertThat(MissingMilesRules.namesMatch("dang", "ĐẶNG")).isTrue();
    assertThat(MissingMilesRules.namesMatch("LEVAN", "Lê Văn")).isTrue();
    assertThat(MissingMilesRules.namesMatch("Le Van", "LEVAN")).isTrue();
    assertThat(MissingMilesRules.namesMatch("O'Brien-Smith", "OBRIEN SMITH")).isTrue();
    assertThat(MissingMilesRules.normalizeName(" Hồ  Thị Ưng ")).isEqualTo("HOTHIUNG");
  }

  @Test
  void differentNamesDoNotMatch() {
    assertThat(MissingMilesRules.namesMatch("NGUYEN", "Tran")).isFalse();
    assertThat(MissingMilesRules.namesMatch("NGUYEN", "Nguyen An")).isFalse();
    assertThat(MissingMilesRules.namesMatch("LE", "Lê Văn")).isFalse();
    // an empty or missing name never matches, not even another empty one
    assertThat(MissingMilesRules.namesMatch("", "")).isFalse();
    assertThat(MissingMilesRules.namesMatch(null, "Nguyen")).isFalse();
    assertThat(MissingMilesRules.namesMatch(" - ", " ")).isFalse();
  }

  @Test
  void aFlightCanBeClaimedUpToTheWindowsLastDayIncluded() {
    LocalDate flight = LocalDate.of(2026, 1, 31);
    assertThat(MissingMilesRules.lastClaimDay(flight, 12)).isEqualTo(LocalDate.of(2027, 1, 31));
    assertThat(MissingMilesRules.withinWindow(flight, flight, 12)).isTrue();
    assertThat(MissingMilesRules.withinWindow(flight, LocalDate.of(2027, 1, 31), 12)).isTrue();
    assertThat(MissingMilesRules.withinWindow(flight, LocalDate.of(2027, 2, 1), 12)).isFalse();
    // a shorter window from configuration
    assertThat(MissingMilesRules.withinWindow(flight, LocalDate.of(2026, 7, 31), 6)).isTrue();
    assertThat(MissingMilesRules.withinWindow(flight, LocalDate.of(2026, 8, 1), 6)).isFalse();
  }

  @Test
  void theWindowEndsOnTheLastDayOfAShorterMonth() {
    LocalDate leap = LocalDate.of(2024, 2, 29);
    assertThat(MissingMilesRules.lastClaimDay(leap, 12)).isEqualTo(LocalDate.of(2025, 2, 28));
    assertThat(MissingMilesRules.withinWindow(leap, LocalDate.of(2025, 2, 28), 12)).isTrue();
    assertThat(MissingMilesRules.withinWindow(leap, LocalDate.of(2025, 3, 1), 12)).isFalse();
    assertThatThrownBy(() -> MissingMilesRules.withinWindow(leap, leap, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
