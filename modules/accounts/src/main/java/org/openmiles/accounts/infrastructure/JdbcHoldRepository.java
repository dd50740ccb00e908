package org.openmiles.accounts.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openmiles.accounts.api.HoldStatus;
import org.openmiles.accounts.api.HoldView;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.SourceReference;
import org.openmiles.accounts.domain.Account;
import org.openmiles.accounts.domain.EntryRepository.NewEntry;
import org.openmiles.accounts.domain.HoldRepository;
import org.openmiles.common.observability.Correlation;

/**
 * {@code accounts.hold}: a hold is placed and resolved each in one statement with its entry and its
 * account (ADR 0016), under the account lock the caller holds.
 */
@ApplicationScoped
public class JdbcHoldRepository implements HoldRepository {
  private static final String HOLD_COLUMNS =
      """
      h.id, h.member_id, m.member_number, h.source_ref, h.amount, h.captured, h.status,
       h.description, h.created_at, h.expires_at, h.resolved_at
      """;

  /** The account written back with a hold change: balance, held, last activity, member id. */
  private static final String ACCOUNT_WRITE =
      """
       a as (update accounts.account set balance = ?, held = ?, last_activity_on = ?
       where member_id = ?
      """;

  private static final String ENTRY_COLUMNS =
      """
      insert into accounts.ledger_entry (member_id, entry_type, amount, held_delta,
       balance_after, source_ref, hold_id, activity_date, description, qualifying_miles,
       qualifying_flights, correlation_id)
      """;

  @Inject LedgerSql sql;

  @Override
  public Optional<StoredHold> findHold(String sourceRef) {
    return sql.first(
        "find a hold",
        "select "
            + HOLD_COLUMNS
            + " from accounts.hold h join accounts.member m on m.id = h.member_id"
            + " where h.source_ref = ?",
        (c, ps) -> ps.setString(1, sourceRef),
        JdbcHoldRepository::storedHold);
  }

  @Override
  public RefUse refUse(String sourceRef) {
    return sql.first(
            "find what uses a source reference",
            "select "
                + HOLD_COLUMNS
                + """
                , exists (select 1 from accounts.ledger_entry e where e.source_ref = ?) as entry
                 from (values (1)) one left join (accounts.hold h join accounts.member m
                 on m.id = h.member_id) on h.source_ref = ?
                """,
            (c, ps) -> {
              ps.setString(1, sourceRef);
              ps.setString(2, sourceRef);
            },
            rs ->
                new RefUse(
                    rs.getObject("id") == null ? Optional.empty() : Optional.of(storedHold(rs)),
                    rs.getBoolean("entry")))
        .orElseThrow();
  }

  @Override
  public long insertHold(
      String sourceRef,
      long miles,
      String description,
      Instant at,
      Instant expiresAt,
      NewEntry entry,
      Account account) {
    return sql.first(
            "place a hold",
            """
            with h as (insert into accounts.hold (member_id, source_ref, amount, description,
             created_at, expires_at) values (?, ?, ?, ?, ?, ?) returning id),
             e as (
            """
                + ENTRY_COLUMNS
                + " select ?, ?, ?, ?, ?, ?, h.id, ?, ?, ?, ?, ? from h),"
                + ACCOUNT_WRITE
                + ") select id from h",
            (c, ps) -> {
              ps.setLong(1, account.memberId());
              ps.setString(2, sourceRef);
              ps.setLong(3, miles);
              ps.setString(4, description);
              ps.setTimestamp(5, Timestamp.from(at));
              ps.setTimestamp(6, Timestamp.from(expiresAt));
              int next = bindEntry(ps, 7, entry, false);
              bindAccount(ps, next, account);
            },
            rs -> rs.getLong("id"))
        .orElse(-1L);
  }

  @Override
  public long resolveHold(
      long holdId, HoldStatus status, long captured, Instant at, NewEntry entry, Account account) {
    long[] out =
        sql.first(
                "resolve a hold",
                """
                with h as (update accounts.hold set status = ?, captured = ?, resolved_at = ?
                 where id = ? and status = 'ACTIVE' returning id),
                 e as (
                """
                    + ENTRY_COLUMNS
                    + " select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? from h returning id),"
                    + ACCOUNT_WRITE
                    + """
                     and exists (select 1 from h)) select (select id from e) as entry_id,
                     (select count(*) from h) as resolved
                    """,
                (c, ps) -> {
                  ps.setString(1, status.name());
                  ps.setLong(2, captured);
                  ps.setTimestamp(3, Timestamp.from(at));
                  ps.setLong(4, holdId);
                  int next = bindEntry(ps, 5, entry, true);
                  bindAccount(ps, next, account);
                },
                rs -> new long[] {rs.getLong("entry_id"), rs.getLong("resolved")})
            .orElse(new long[] {-1, 0});
    if (out[1] != 1) {
      // the account lock makes this impossible; if it happens, refuse rather than double-resolve
      throw new IllegalStateException("hold " + holdId + " was not active when resolved");
    }
    return out[0];
  }

  /**
   * Binds an entry's columns from {@code first}; the hold id only if asked. The correlation id is
   * the work this thread does (ADR 0035).
   */
  private static int bindEntry(PreparedStatement ps, int first, NewEntry e, boolean withHold)
      throws SQLException {
    int i = first;
    ps.setLong(i++, e.memberId());
    ps.setString(i++, e.type().name());
    ps.setLong(i++, e.amount());
    ps.setLong(i++, e.heldDelta());
    ps.setLong(i++, e.balanceAfter());
    ps.setString(i++, e.sourceRef());
    if (withHold) {
      ps.setLong(i++, e.holdId());
    }
    ps.setDate(i++, Date.valueOf(e.activityDate()));
    ps.setString(i++, e.description());
    ps.setLong(i++, e.qualifying().miles());
    ps.setBigDecimal(i++, e.qualifying().flights());
    ps.setString(i++, Correlation.currentOrNull());
    return i;
  }

  private static void bindAccount(PreparedStatement ps, int first, Account a) throws SQLException {
    ps.setLong(first, a.balance());
    ps.setLong(first + 1, a.held());
    ps.setDate(first + 2, a.lastActivity() == null ? null : Date.valueOf(a.lastActivity()));
    ps.setLong(first + 3, a.memberId());
  }

  @Override
  public List<HoldView> holds(MemberNumber member, boolean activeOnly, int limit) {
    return sql.list(
        "list a member's holds",
        "select "
            + HOLD_COLUMNS
            + " from accounts.hold h join accounts.member m on m.id = h.member_id"
            + " where m.member_number = ?"
            + (activeOnly ? " and h.status = 'ACTIVE'" : "")
            + " order by h.id desc limit ?",
        (c, ps) -> {
          ps.setString(1, member.value());
          ps.setInt(2, limit);
        },
        JdbcHoldRepository::holdView);
  }

  @Override
  public List<DueHold> dueHolds(Instant now, long afterId, int limit) {
    return sql.list(
        "find holds past their time limit",
        """
        select h.id, h.source_ref, m.member_number from accounts.hold h
          join accounts.member m on m.id = h.member_id
         where h.status = 'ACTIVE' and h.expires_at <= ? and h.id > ? order by h.id limit ?
        """,
        (c, ps) -> {
          ps.setTimestamp(1, Timestamp.from(now));
          ps.setLong(2, afterId);
          ps.setInt(3, limit);
        },
        rs ->
            new DueHold(
                rs.getLong("id"),
                rs.getString("source_ref"),
                new MemberNumber(rs.getString("member_number"))));
  }

  private static StoredHold storedHold(ResultSet rs) throws SQLException {
    HoldView v = holdView(rs);
    return new StoredHold(
        v.id(),
        rs.getLong("member_id"),
        v.member(),
        v.miles(),
        v.captured(),
        v.status(),
        v.expiresAt(),
        v);
  }

  private static HoldView holdView(ResultSet rs) throws SQLException {
    Timestamp resolved = rs.getTimestamp("resolved_at");
    return new HoldView(
        rs.getLong("id"),
        new MemberNumber(rs.getString("member_number")),
        SourceReference.of(rs.getString("source_ref")),
        rs.getLong("amount"),
        rs.getLong("captured"),
        HoldStatus.valueOf(rs.getString("status")),
        rs.getString("description"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("expires_at").toInstant(),
        resolved == null ? null : resolved.toInstant());
  }
}
