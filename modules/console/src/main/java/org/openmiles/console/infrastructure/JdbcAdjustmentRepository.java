package org.openmiles.console.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.console.domain.AdjustmentRepository;
import org.openmiles.console.domain.AdjustmentStatus;
import org.openmiles.console.domain.AdjustmentView;

/** Goodwill adjustments in {@code console.adjustment}. */
@ApplicationScoped
public class JdbcAdjustmentRepository implements AdjustmentRepository {
  @Inject Jdbc jdbc;

  private static final String COLUMNS =
      """
      id, member, miles, reason, status, requested_by, requested_at, decided_by, decided_at,
      decision_note, ledger_entry""";

  /** Inserts a new adjustment and returns its id. */
  @Override
  public long insert(
      String member, long miles, String reason, AdjustmentStatus status, String by, Instant at) {
    return jdbc.first(
            "record adjustment",
            """
            insert into console.adjustment
              (member, miles, reason, status, requested_by, requested_at)
            values (?, ?, ?, ?, ?, ?)
            returning id""",
            (c, ps) -> {
              ps.setString(1, member);
              ps.setLong(2, miles);
              ps.setString(3, reason);
              ps.setString(4, status.name());
              ps.setString(5, by);
              ps.setTimestamp(6, Timestamp.from(at));
            },
            rs -> rs.getLong("id"))
        .orElseThrow();
  }

  /** The adjustment, locked for the rest of the transaction (an approval decides it once). */
  @Override
  public Optional<AdjustmentView> lock(long id) {
    return jdbc.first(
        "lock adjustment",
        "select %s from console.adjustment where id = ? for update".formatted(COLUMNS),
        (c, ps) -> ps.setLong(1, id),
        JdbcAdjustmentRepository::map);
  }

  @Override
  public void decide(
      long id, AdjustmentStatus status, String by, Instant at, String note, Long ledgerEntry) {
    jdbc.update(
        "decide adjustment",
        """
        update console.adjustment
        set status = ?, decided_by = ?, decided_at = ?, decision_note = ?, ledger_entry = ?
        where id = ?""",
        (c, ps) -> {
          ps.setString(1, status.name());
          ps.setString(2, by);
          ps.setTimestamp(3, at == null ? null : Timestamp.from(at));
          ps.setString(4, note);
          ps.setObject(5, ledgerEntry);
          ps.setLong(6, id);
        });
  }

  @Override
  public List<AdjustmentView> pending(int limit) {
    return jdbc.list(
        "list pending adjustments",
        """
        select %s
        from console.adjustment where status = 'PENDING'
        order by requested_at, id limit ?"""
            .formatted(COLUMNS),
        (c, ps) -> ps.setInt(1, limit),
        JdbcAdjustmentRepository::map);
  }

  @Override
  public long countPending() {
    return jdbc.first(
            "count pending adjustments",
            "select count(*) pending from console.adjustment where status = 'PENDING'",
            (c, ps) -> {},
            rs -> rs.getLong("pending"))
        .orElse(0L);
  }

  @Override
  public List<AdjustmentView> ofMember(String member, int limit) {
    return jdbc.list(
        "list member adjustments",
        """
        select %s
        from console.adjustment where member = ?
        order by requested_at desc, id desc limit ?"""
            .formatted(COLUMNS),
        (c, ps) -> {
          ps.setString(1, member);
          ps.setInt(2, limit);
        },
        JdbcAdjustmentRepository::map);
  }

  private static AdjustmentView map(ResultSet rs) throws SQLException {
    Timestamp decided = rs.getTimestamp("decided_at");
    long entry = rs.getLong("ledger_entry");
    Long ledgerEntry = rs.wasNull() ? null : entry;
    return new AdjustmentView(
        rs.getLong("id"),
        rs.getString("member"),
        rs.getLong("miles"),
        rs.getString("reason"),
        AdjustmentStatus.valueOf(rs.getString("status")),
        rs.getString("requested_by"),
        rs.getTimestamp("requested_at").toInstant(),
        rs.getString("decided_by"),
        decided == null ? null : decided.toInstant(),
        rs.getString("decision_note"),
        ledgerEntry);
  }
}
