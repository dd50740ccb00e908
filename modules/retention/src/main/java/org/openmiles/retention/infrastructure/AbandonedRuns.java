package org.openmiles.retention.infrastructure;

import java.time.Instant;
import java.util.OptionalLong;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.common.observability.Node;

/**
 * Closes the RUNNING runs of a run table whose node is certainly gone ({@link Node#isGone}: this
 * node restarted since, or a process of this host that no longer exists): the run died with its
 * node, and waiting for the staleness timeout would refuse every start meanwhile. Called under the
 * claim's advisory lock. {@code table} is a constant of the caller, never input.
 */
final class AbandonedRuns {
  private AbandonedRuns() {}

  /** Serialises the claims of one kind of run across the cluster, until the transaction ends. */
  static void lockClaims(Jdbc jdbc, String key) {
    jdbc.list(
        "serialise run claims (" + key + ")",
        "select pg_advisory_xact_lock(hashtext(?))",
        (c, ps) -> ps.setString(1, key),
        rs -> 1);
  }

  /** The RUNNING run of {@code table}, if any. */
  static OptionalLong running(Jdbc jdbc, String table) {
    return jdbc.first(
            "find the running run of " + table,
            "select run_id from " + table + " where state = 'RUNNING'",
            (c, ps) -> {},
            rs -> rs.getLong(1))
        .map(OptionalLong::of)
        .orElseGet(OptionalLong::empty);
  }

  static void close(Jdbc jdbc, String table) {
    record Running(long id, String node, Instant startedAt) {}
    for (Running r :
        jdbc.list(
            "find the running runs of " + table,
            "select run_id, node, started_at from " + table + " where state = 'RUNNING'",
            (c, ps) -> {},
            rs -> new Running(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))) {
      if (Node.isGone(r.node(), r.startedAt())) {
        jdbc.update(
            "close a run whose node is gone",
            "update "
                + table
                + " set state = 'FAILED', finished_at = now(),"
                + " message = 'abandoned: its node ' || node || ' is gone'"
                + " where run_id = ? and state = 'RUNNING'",
            (c, ps) -> ps.setLong(1, r.id()));
      }
    }
  }
}
