package org.openmiles.retention.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Optional;
import java.util.OptionalLong;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.retention.api.ScoringRunView;
import org.openmiles.retention.domain.ScoringRunStore;
import org.openmiles.retention.domain.ScoringScope;

/**
 * The runs in {@code retention.score_run}. Claims are serialised by a transaction-scoped advisory
 * lock, so "no run is running" and the insert are one decision cluster-wide; the partial unique
 * index on RUNNING rows guards the same rule in the table itself.
 */
@ApplicationScoped
public class JdbcScoringRunStore implements ScoringRunStore {
  private static final String COLUMNS =
      "run_id, kind, trigger_kind, as_of, cohort, state, step, members_done, members_total,"
          + " started_at, finished_at, node, requested_by, scored, at_risk, moved, message";

  @Inject Jdbc jdbc;

  @Override
  public OptionalLong claim(
      String kind,
      String trigger,
      ScoringScope scope,
      String requestedBy,
      String node,
      int staleMinutes) {
    AbandonedRuns.lockClaims(jdbc, "openmiles-retention-scoring");
    jdbc.update(
        "close abandoned scoring runs",
        """
        update retention.score_run
           set state = 'FAILED', finished_at = now(),
               message = 'abandoned: no progress since ' || heartbeat_at || ' on ' || node
         where state = 'RUNNING' and heartbeat_at < now() - make_interval(mins => ?)""",
        (c, ps) -> ps.setInt(1, staleMinutes));
    AbandonedRuns.close(jdbc, "retention.score_run");
    return jdbc.first(
            "claim a scoring run",
            """
            insert into retention.score_run
                   (kind, trigger_kind, as_of, cohort, state, step, node, requested_by)
            select ?, ?, ?, ?, 'RUNNING', 'CLAIMED', ?, ?
             where not exists (select 1 from retention.score_run where state = 'RUNNING')
            returning run_id""",
            (c, ps) -> {
              ps.setString(1, kind);
              ps.setString(2, trigger);
              ps.setDate(3, Date.valueOf(scope.asOf()));
              ps.setString(4, scope.cohort());
              ps.setString(5, node);
              ps.setString(6, requestedBy);
            },
            rs -> rs.getLong(1))
        .map(OptionalLong::of)
        .orElseGet(OptionalLong::empty);
  }

  @Override
  public OptionalLong running() {
    return AbandonedRuns.running(jdbc, "retention.score_run");
  }

  @Override
  public void progress(long run, String step, long done, long total) {
    jdbc.update(
        "record scoring progress",
        """
        update retention.score_run
           set step = ?, members_done = ?, members_total = ?, heartbeat_at = now()
         where run_id = ?""",
        (c, ps) -> {
          ps.setString(1, step);
          ps.setLong(2, done);
          ps.setLong(3, total);
          ps.setLong(4, run);
        });
  }

  @Override
  public void finish(long run, String state, String message, Long scored, Long atRisk, Long moved) {
    jdbc.update(
        "finish a scoring run",
        """
        update retention.score_run
           set state = ?, step = case when ? = 'DONE' then 'DONE' else step end,
               finished_at = now(), heartbeat_at = now(),
               message = ?, scored = ?, at_risk = ?, moved = ?
         where run_id = ?""",
        (c, ps) -> {
          ps.setString(1, state);
          ps.setString(2, state);
          ps.setString(
              3, message == null ? null : message.substring(0, Math.min(1000, message.length())));
          setLong(ps, 4, scored);
          setLong(ps, 5, atRisk);
          setLong(ps, 6, moved);
          ps.setLong(7, run);
        });
  }

  private static void setLong(java.sql.PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, v);
    }
  }

  @Override
  public Optional<ScoringRunView> find(long run) {
    return jdbc.first(
        "read a scoring run",
        "select " + COLUMNS + " from retention.score_run where run_id = ?",
        (c, ps) -> ps.setLong(1, run),
        JdbcScoringRunStore::view);
  }

  @Override
  public Optional<ScoringRunView> latest() {
    return jdbc.first(
        "read the latest scoring run",
        "select " + COLUMNS + " from retention.score_run order by run_id desc limit 1",
        (c, ps) -> {},
        JdbcScoringRunStore::view);
  }

  private static ScoringRunView view(ResultSet rs) throws SQLException {
    Timestamp finished = rs.getTimestamp("finished_at");
    return new ScoringRunView(
        rs.getLong("run_id"),
        rs.getString("kind"),
        rs.getString("trigger_kind"),
        rs.getDate("as_of").toLocalDate(),
        rs.getString("cohort"),
        rs.getString("state"),
        rs.getString("step"),
        rs.getLong("members_done"),
        rs.getLong("members_total"),
        rs.getTimestamp("started_at").toInstant(),
        finished == null ? null : finished.toInstant(),
        rs.getString("node"),
        rs.getString("requested_by"),
        nullableLong(rs, "scored"),
        nullableLong(rs, "at_risk"),
        nullableLong(rs, "moved"),
        rs.getString("message"));
  }

  static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }
}
