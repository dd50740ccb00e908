package org.openmiles.retention.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.OptionalLong;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.retention.api.ScoringRunView;
import org.openmiles.retention.domain.ScoringRunStore;
import org.openmiles.retention.domain.ScoringScope;

/**
 * The runs in {@code retention.score_run}, one RUNNING at a time ({@link RunTable}); a run with no
 * progress for the stale minutes is taken as abandoned.
 */
@ApplicationScoped
public class JdbcScoringRunStore implements ScoringRunStore {
  private static final String COLUMNS =
      "run_id, kind, trigger_kind, as_of, cohort, state, step, members_done, members_total,"
          + " started_at, finished_at, node, requested_by, scored, at_risk, moved, message";

  private static final RunTable RUNS =
      new RunTable(
          "retention.score_run", "openmiles-retention-scoring", "heartbeat_at", "no progress");

  @Inject Jdbc jdbc;

  @Override
  public OptionalLong claim(
      String kind,
      String trigger,
      ScoringScope scope,
      String requestedBy,
      String node,
      int staleMinutes) {
    return RUNS.claim(
        jdbc,
        staleMinutes,
        "kind, trigger_kind, as_of, cohort, state, step, node, requested_by",
        "?, ?, ?, ?, 'RUNNING', 'CLAIMED', ?, ?",
        (c, ps) -> {
          ps.setString(1, kind);
          ps.setString(2, trigger);
          ps.setDate(3, Date.valueOf(scope.asOf()));
          ps.setString(4, scope.cohort());
          ps.setString(5, node);
          ps.setString(6, requestedBy);
        });
  }

  @Override
  public OptionalLong running() {
    return RUNS.running(jdbc);
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
    RUNS.finish(
        jdbc,
        run,
        state,
        message,
        "step = case when ? = 'DONE' then 'DONE' else step end, heartbeat_at = now(),"
            + " scored = ?, at_risk = ?, moved = ?",
        (ps, i) -> {
          ps.setString(i, state);
          RunTable.setLong(ps, i + 1, scored);
          RunTable.setLong(ps, i + 2, atRisk);
          RunTable.setLong(ps, i + 3, moved);
          return i + 4;
        });
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
