package org.openmiles.retention.domain;

/**
 * A member's history in days, as the summary holds it: {@code repeats} activity days after the
 * first, the days from the first to the last ({@code lastAtDays}) and from the first to the scoring
 * date ({@code ageDays}); {@code members} members share it.
 */
public record DayHistory(int repeats, int lastAtDays, int ageDays, long members) {
  /** Days per week: the models run in weeks, as published. */
  public static final double DAYS_PER_WEEK = 7.0;

  /** The history in the models' unit, weeks. */
  public ActivityHistory inWeeks() {
    return new ActivityHistory(repeats, lastAtDays / DAYS_PER_WEEK, ageDays / DAYS_PER_WEEK);
  }
}
