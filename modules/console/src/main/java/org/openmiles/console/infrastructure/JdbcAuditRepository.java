package org.openmiles.console.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.console.domain.AuditEntry;
import org.openmiles.console.domain.AuditLog;
import org.openmiles.console.domain.AuditQuery;

/** The append-only audit log in {@code console.audit_entry}. */
@ApplicationScoped
public class JdbcAuditRepository implements AuditLog {
  @Inject Jdbc jdbc;

  @Override
  public void append(AuditEntry e) {
    jdbc.update(
        "append audit entry",
        """
        insert into console.audit_entry
          (at, actor, action, member, target, before_state, after_state, reason)
        values (?, ?, ?, ?, ?, ?, ?, ?)""",
        (c, ps) -> {
          ps.setTimestamp(1, Timestamp.from(e.at()));
          ps.setString(2, clip(e.actor(), 60));
          ps.setString(3, e.action());
          ps.setString(4, e.member());
          ps.setString(5, clip(e.target(), 120));
          ps.setString(6, clip(e.before(), 2000));
          ps.setString(7, clip(e.after(), 2000));
          ps.setString(8, clip(e.reason(), 500));
        });
  }

  /** Newest first, keyset-paged by id. */
  @Override
  public List<AuditEntry> find(AuditQuery q) {
    StringBuilder sql =
        new StringBuilder(
            """
            select id, at, actor, action, member, target, before_state, after_state, reason
            from console.audit_entry where true""");
    List<Object> params = new ArrayList<>();
    if (q.member() != null) {
      sql.append(" and member = ?");
      params.add(q.member());
    }
    if (q.actor() != null) {
      sql.append(" and actor = ?");
      params.add(q.actor());
    }
    if (q.action() != null) {
      sql.append(" and action = ?");
      params.add(q.action());
    }
    if (q.beforeId() > 0) {
      sql.append(" and id < ?");
      params.add(q.beforeId());
    }
    sql.append(" order by id desc limit ?");
    params.add(q.limit());
    return jdbc.list(
        "read audit log",
        sql.toString(),
        (c, ps) -> {
          for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
          }
        },
        rs ->
            new AuditEntry(
                rs.getLong("id"),
                rs.getTimestamp("at").toInstant(),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("member"),
                rs.getString("target"),
                rs.getString("before_state"),
                rs.getString("after_state"),
                rs.getString("reason")));
  }

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
