package org.openmiles.tiers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openmiles.tiers.application.TierCalendar;

/** Periods as sums of calendar months; "today" in the airline's zone, not UTC. */
class QualificationPeriodTest {
  static final ZoneId SAIGON = ZoneId.of("Asia/Ho_Chi_Minh");

  @Test
  void rollingTwelveMonthsEndWithTheMonthOfTheDay() {
    QualificationPeriod p = QualificationPeriod.ROLLING_12_MONTHS;
    LocalDate d = LocalDate.of(2026, 3, 1);
    assertThat(p.firstMonth(d)).isEqualTo(YearMonth.of(2025, 4));
    assertThat(p.lastMonth(d)).isEqualTo(YearMonth.of(2026, 3));
    assertThat(p.periodEnd(d)).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(p.validUntil(d, 1)).isEqualTo(LocalDate.of(2027, 3, 31));
    assertThat(p.isPeriodEnd(LocalDate.of(2026, 2, 28))).isTrue();
    assertThat(p.isPeriodEnd(LocalDate.of(2026, 2, 27))).isFalse();
    assertThat(p.lastEndBefore(d)).isEqualTo(LocalDate.of(2026, 2, 28));
  }

  @Test
  void calendarYearIsJanuaryToDecember() {
    QualificationPeriod p = QualificationPeriod.CALENDAR_YEAR;
    LocalDate d = LocalDate.of(2026, 12, 31);
    assertThat(p.firstMonth(d)).isEqualTo(YearMonth.of(2026, 1));
    assertThat(p.lastMonth(d)).isEqualTo(YearMonth.of(2026, 12));
    assertThat(p.validUntil(LocalDate.of(2026, 1, 1), 1)).isEqualTo(LocalDate.of(2027, 12, 31));
    assertThat(p.validUntil(d, 0)).isEqualTo(d);
    assertThat(p.isPeriodEnd(d)).isTrue();
    assertThat(p.isPeriodEnd(LocalDate.of(2026, 11, 30))).isFalse();
    assertThat(p.lastEndBefore(LocalDate.of(2027, 1, 1))).isEqualTo(d);
  }

  @Test
  void newYearComesSevenHoursEarlierInSaigonThanInUtc() {
    Instant justBefore = Instant.parse("2026-12-31T16:59:59Z");
    Instant newYearInSaigon = Instant.parse("2026-12-31T17:00:00Z");
    assertThat(TierCalendar.dayOf(justBefore, SAIGON)).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(TierCalendar.dayOf(newYearInSaigon, SAIGON)).isEqualTo(LocalDate.of(2027, 1, 1));
    assertThat(TierCalendar.dayOf(newYearInSaigon, ZoneOffset.UTC))
        .isEqualTo(LocalDate.of(2026, 12, 31));
    // an upgrade at that instant falls in the 2027 calendar year in Saigon, 2026 in UTC
    QualificationPeriod p = QualificationPeriod.CALENDAR_YEAR;
    assertThat(p.validUntil(TierCalendar.dayOf(newYearInSaigon, SAIGON), 1))
        .isEqualTo(LocalDate.of(2028, 12, 31));
    assertThat(p.validUntil(TierCalendar.dayOf(newYearInSaigon, ZoneOffset.UTC), 1))
        .isEqualTo(LocalDate.of(2027, 12, 31));
  }

  @Test
  void anActivityDateBelongsToTheMonthItNamesWhateverTheZone() {
    // the last day of a month counts in that month; the first of the next, in the next
    QualificationPeriod p = QualificationPeriod.ROLLING_12_MONTHS;
    LocalDate review = LocalDate.of(2026, 6, 30);
    assertThat(YearMonth.from(LocalDate.of(2025, 6, 30))).isBefore(p.firstMonth(review));
    assertThat(YearMonth.from(LocalDate.of(2025, 7, 1))).isEqualTo(p.firstMonth(review));
    assertThat(YearMonth.from(review)).isEqualTo(p.lastMonth(review));
  }
}
