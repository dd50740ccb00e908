package org.openmiles.retention.infrastructure;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.OptionalLong;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.common.observability.Node;

/**
 * The lifecycle shared by the run tables ({@code retention.score_run}, {@code
 * retention.campaign_run}): one RUNNING run at a time in the cluster. A claim holds an advisory
 * lock until its transaction ends, so "no run is running" and the insert are one decision
 * cluster-wide (a partial unique index on RUNNING rows guards the same rule in the table); under
 * it, the claim first closes the runs that are abandoned: stale (no sign of life for the stale
 * minutes) or whose node is certainly gone ({@link Node#isGone}: this node restarted since, or a
 * process of this host that no longer exists), since waiting for the staleness timeout would refuse
 * every start meanwhile. The table's name and columns are constants of the stores, never input.
 *
 * @param name the table
 * @param lockKey what the claims' advisory lock hashes
 * @param aliveAt the column that a live run keeps recent: it is stale once older than the stale
 *     minutes
 * @param staleAs what a stale run's message says it did since {@code aliveAt}
 */
record RunTable(String name, String lockKey, String aliveAt, String staleAs) {

  /** Sets the parameters from {@code first} on; returns the index after the last one set. */
  @FunctionalInterface
  interface Values {
    int bind(PreparedStatement ps, int first) throws SQLException;
  }

  /**
   * Closes the abandoned runs and inserts {@code values} into {@code columns} unless a run is
   * RUNNING, in the caller's transaction; the new run's id, or empty if another run goes.
   */
  OptionalLong claim(
      Jdbc jdbc, int staleMinutes, String columns, String values, Jdbc.Binder binder) {
    lockClaims(jdbc);
    jdbc.update(
        "close stale runs of " + name,
        "update "
            + name
            + " set state = 'FAILED', finished_at = now(),"
            + " message = 'abandoned: "
            + staleAs
            + " since ' || "
            + aliveAt
            + " || ' on ' || node"
            + " where state = 'RUNNING' and "
            + aliveAt
            + " < now() - make_interval(mins => ?)",
        (c, ps) -> ps.setInt(1, staleMinutes));
    closeGone(jdbc);
    return jdbc.first(
            "claim a run of " + name,
            "insert into "
                + name
                + " ("
                + columns
                + ") select "
                + values
                + " where not exists (select 1 from "
                + name
                + " where state = 'RUNNING') returning run_id",
            binder,
            rs -> rs.getLong(1))
        .map(OptionalLong::of)
        .orElseGet(OptionalLong::empty);
  }

  /** The RUNNING run, if any. */
  OptionalLong running(Jdbc jdbc) {
    return jdbc.first(
            "find the running run of " + name,
            "select run_id from " + name + " where state = 'RUNNING'",
            (c, ps) -> {},
            rs -> rs.getLong(1))
        .map(OptionalLong::of)
        .orElseGet(OptionalLong::empty);
  }

  /**
   * Ends a run: its state, finished now, its message (at most 1,000 characters), and the table's
   * own {@code set} clauses, whose parameters {@code more} sets.
   */
  void finish(Jdbc jdbc, long run, String state, String message, String set, Values more) {
    jdbc.update(
        "finish a run of " + name,
        "update "
            + name
            + " set state = ?, finished_at = now(), message = ?, "
            + set
            + " where run_id = ?",
        (c, ps) -> {
          ps.setString(1, state);
          ps.setString(
              2, message == null ? null : message.substring(0, Math.min(1000, message.length())));
          ps.setLong(more.bind(ps, 3), run);
        });
  }

  /** A nullable count. */
  static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, v);
    }
  }

  /** Serialises the claims of this kind of run across the cluster, until the transaction ends. */
  private void lockClaims(Jdbc jdbc) {
    jdbc.list(
        "serialise run claims (" + lockKey + ")",
        "select pg_advisory_xact_lock(hashtext(?))",
        (c, ps) -> ps.setString(1, lockKey),
        rs -> 1);
  }

  private void closeGone(Jdbc jdbc) {
    record Running(long id, String node, Instant startedAt) {}
    for (Running r :
        jdbc.list(
            "find the running runs of " + name,
            "select run_id, node, started_at from " + name + " where state = 'RUNNING'",
            (c, ps) -> {},
            rs -> new Running(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))) {
      if (Node.isGone(r.node(), r.startedAt())) {
        jdbc.update(
            "close a run whose node is gone",
            "update "
                + name
                + " set state = 'FAILED', finished_at = now(),"
                + " message = 'abandoned: its node ' || node || ' is gone'"
                + " where run_id = ? and state = 'RUNNING'",
            (c, ps) -> ps.setLong(1, r.id()));
      }
    }
  }
}
