package org.openmiles.tiers.domain;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * How a program counts qualifying activity: over the calendar year, or over the rolling 12 months.
 * Both are made of whole calendar months of the activity date, so one set of monthly counters
 * serves either: a calendar year is its January to December; the rolling 12 months on a day are
 * that day's month and the 11 before it. A period "ends" on the last day of its last month.
 */
public enum QualificationPeriod {
  ROLLING_12_MONTHS,
  CALENDAR_YEAR;

  /** The first month of the period that contains {@code day}. */
  public YearMonth firstMonth(LocalDate day) {
    return this == CALENDAR_YEAR
        ? YearMonth.of(day.getYear(), 1)
        : YearMonth.from(day).minusMonths(11);
  }

  /** The last month of the period that contains {@code day}. */
  public YearMonth lastMonth(LocalDate day) {
    return this == CALENDAR_YEAR ? YearMonth.of(day.getYear(), 12) : YearMonth.from(day);
  }

  /** The last day of the period that contains {@code day}. */
  public LocalDate periodEnd(LocalDate day) {
    return lastMonth(day).atEndOfMonth();
  }

  /** Whether a review can be run for a period ending on {@code day}. */
  public boolean isPeriodEnd(LocalDate day) {
    return day.equals(periodEnd(day));
  }

  /**
   * The last day of a status qualified for on {@code day}: the end of the period that contains it,
   * plus {@code following} whole periods (12 months each).
   */
  public LocalDate validUntil(LocalDate day, int following) {
    return lastMonth(day).plusMonths(12L * following).atEndOfMonth();
  }

  /** The last period end before {@code day}: the review that is due on that day. */
  public LocalDate lastEndBefore(LocalDate day) {
    return this == CALENDAR_YEAR
        ? LocalDate.of(day.getYear() - 1, 12, 31)
        : day.withDayOfMonth(1).minusDays(1);
  }
}
