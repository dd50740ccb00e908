package org.openmiles.accounts.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * How miles expire, a program rule with an effective date. FIXED_TERM: each credit expires at the
 * end of the {@code months}-th month after its activity month (activity in March 2026, 36 months:
 * valid through 31 March 2029). INACTIVITY: all miles expire when the member had no activity (any
 * entry but a reversal) for {@code months} months; individual lots then carry no date of their own.
 */
public record ExpiryPolicy(Kind kind, int months) {
  /** The date used for lots that do not expire on their own. */
  public static final LocalDate NEVER = LocalDate.of(9999, 12, 31);

  public enum Kind {
    FIXED_TERM,
    INACTIVITY
  }

  public ExpiryPolicy {
    Objects.requireNonNull(kind);
    if (months < 1 || months > 240) {
      throw new IllegalArgumentException("months must be between 1 and 240");
    }
  }

  /** Last day on which miles earned by activity on {@code activityDate} can still be used. */
  public LocalDate lotExpiry(LocalDate activityDate) {
    return kind == Kind.FIXED_TERM
        ? YearMonth.from(activityDate).plusMonths(months).atEndOfMonth()
        : NEVER;
  }

  /** Under INACTIVITY, whether a member last active on {@code lastActivity} has lapsed by asOf. */
  public boolean lapsed(LocalDate lastActivity, LocalDate asOf) {
    return kind == Kind.INACTIVITY
        && lastActivity != null
        && lastActivity.plusMonths(months).isBefore(asOf);
  }
}
