package org.openmiles.accounts.api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Aggregates of the ledger for dashboards. Each is one set-based query that stays fast on a million
 * members: the days come from an index on the posting time, not from a scan of the ledger.
 */
public interface LedgerStatistics {

  /**
   * Miles issued per calendar day in {@code zone} from {@code from} to {@code to} (both inclusive):
   * credits and positive adjustments by their posting time. Every day of the range is listed, with
   * 0 for a day without any.
   */
  List<DailyMiles> milesIssuedPerDay(LocalDate from, LocalDate to, ZoneId zone);

  /** Members who are not closed (active and suspended). */
  long openMembers();
}
