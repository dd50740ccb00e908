package org.openmiles.accounts.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openmiles.accounts.api.DailyMiles;
import org.openmiles.accounts.api.LedgerStatistics;
import org.openmiles.common.jdbc.Jdbc;

/**
 * Ledger aggregates in one statement each. The posting-time range is found through the BRIN index
 * {@code ledger_entry_posted_brin} (V6): the ledger is append-only, so rows lie in posting order
 * and a month of a big ledger is a small set of block ranges; the sum runs over those rows only.
 */
@ApplicationScoped
public class JdbcLedgerStatistics implements LedgerStatistics {
  @Inject Jdbc jdbc;

  @Override
  public List<DailyMiles> milesIssuedPerDay(LocalDate from, LocalDate to, ZoneId zone) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("the range ends before it starts");
    }
    Map<LocalDate, Long> byDay = new HashMap<>();
    jdbc.list(
            "sum miles issued per day",
            "select cast(posted_at at time zone ? as date) as day, sum(amount)"
                + " from accounts.ledger_entry"
                + " where posted_at >= ? and posted_at < ?"
                + " and entry_type in ('CREDIT', 'ADJUSTMENT') and amount > 0"
                + " group by 1",
            (c, ps) -> {
              ps.setString(1, zone.getId());
              ps.setTimestamp(2, Timestamp.from(from.atStartOfDay(zone).toInstant()));
              ps.setTimestamp(3, Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
            },
            rs -> new DailyMiles(rs.getDate(1).toLocalDate(), rs.getLong(2)))
        .forEach(d -> byDay.put(d.day(), d.miles()));
    List<DailyMiles> days = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      days.add(new DailyMiles(d, byDay.getOrDefault(d, 0L)));
    }
    return days;
  }

  @Override
  public long openMembers() {
    return jdbc.first(
            "count open members",
            "select count(*) from accounts.member where status <> 'CLOSED'",
            (c, ps) -> {},
            rs -> rs.getLong(1))
        .orElse(0L);
  }
}
