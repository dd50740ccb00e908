package org.openmiles.accounts.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.common.operations.OperationalFacts;

/**
 * The ledger's job state for operations: active holds, and those past their time limit that the
 * hold-expiry job (every 30 s) has not expired yet. A growing overdue count means the job is not
 * running (no instance with jobs enabled, or the cluster lock held elsewhere by a stuck instance).
 * One statement on the partial index {@code hold_active_expiry_idx}.
 */
@ApplicationScoped
public class LedgerJobFacts implements OperationalFacts {
  @Inject Jdbc jdbc;
  @Inject Clock clock;

  private record Holds(long active, long overdue) {}

  @Override
  public String name() {
    return "ledger";
  }

  @Override
  public boolean up() {
    return true; // a number to watch, not a failure of this instance
  }

  @Override
  public Map<String, Object> details() {
    Holds h = holds();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("activeHolds", h.active());
    out.put("overdueHolds", h.overdue());
    return out;
  }

  @Override
  public Map<String, Number> gauges() {
    Holds h = holds();
    Map<String, Number> out = new LinkedHashMap<>();
    out.put("holds_active", h.active());
    out.put("holds_overdue", h.overdue());
    return out;
  }

  private Holds holds() {
    return jdbc.first(
            "count active and overdue holds",
            "select count(*), coalesce(sum(case when expires_at < ? then 1 else 0 end), 0)"
                + " from accounts.hold where status = 'ACTIVE'",
            (c, ps) -> ps.setTimestamp(1, Timestamp.from(clock.instant())),
            rs -> new Holds(rs.getLong(1), rs.getLong(2)))
        .orElse(new Holds(0, 0));
  }
}
