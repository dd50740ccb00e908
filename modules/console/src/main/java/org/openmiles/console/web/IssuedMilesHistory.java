package org.openmiles.console.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openmiles.accounts.api.DailyMiles;
import org.openmiles.accounts.api.LedgerStatistics;

/**
 * Miles issued per day for the dashboard. Entries are stamped when they are posted, so the totals
 * of past days no longer change: they are read once and kept (per node) for an hour, which also
 * picks up a transaction that committed just after midnight. Only today's total is read on every
 * view, a thirtieth of the rows (ADR 0018 has the measurements).
 */
@ApplicationScoped
public class IssuedMilesHistory {
  private static final Duration KEEP_PAST_DAYS = Duration.ofHours(1);

  @Inject LedgerStatistics ledger;
  @Inject AirlineTime time;

  private record Past(LocalDate from, LocalDate to, Instant readAt, List<DailyMiles> days) {}

  private volatile Past past;

  /** The last {@code days} days up to today, oldest first. */
  public List<DailyMiles> lastDays(int days) {
    LocalDate today = time.today();
    LocalDate from = today.minusDays(days - 1L);
    LocalDate yesterday = today.minusDays(1);
    Instant now = time.now();
    Past p = past;
    if (p == null
        || !p.from().equals(from)
        || !p.to().equals(yesterday)
        || p.readAt().plus(KEEP_PAST_DAYS).isBefore(now)) {
      List<DailyMiles> read =
          days > 1 ? ledger.milesIssuedPerDay(from, yesterday, time.zone()) : List.of();
      p = new Past(from, yesterday, now, List.copyOf(read));
      past = p;
    }
    List<DailyMiles> all = new ArrayList<>(p.days());
    all.addAll(ledger.milesIssuedPerDay(today, today, time.zone()));
    return all;
  }
}
