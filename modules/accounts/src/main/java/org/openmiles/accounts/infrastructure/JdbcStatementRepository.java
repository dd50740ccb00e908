package org.openmiles.accounts.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openmiles.accounts.api.BalanceView;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.LedgerEntryView;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.Qualifying;
import org.openmiles.accounts.domain.ExpiryPolicy;
import org.openmiles.accounts.domain.StatementRepository;
import org.openmiles.common.jdbc.Jdbc;

/** A member's balance and statement, read without locks. */
@ApplicationScoped
public class JdbcStatementRepository implements StatementRepository {

  @Inject LedgerSql sql;

  /** The account row of {@link #balance}. */
  private record AccountRow(long memberId, long balance, long held, LocalDate lastActivity) {}

  @Override
  public Optional<BalanceView> balance(MemberNumber member, int expiringLots) {
    Optional<AccountRow> row =
        sql.first(
            "read a balance",
            """
            select a.member_id, a.balance, a.held, a.last_activity_on from accounts.account a
              join accounts.member m on m.id = a.member_id where m.member_number = ?
            """,
            (c, ps) -> ps.setString(1, member.value()),
            rs ->
                new AccountRow(
                    rs.getLong("member_id"),
                    rs.getLong("balance"),
                    rs.getLong("held"),
                    LedgerSql.localDate(rs.getDate("last_activity_on"))));
    if (row.isEmpty()) {
      return Optional.empty();
    }
    AccountRow a = row.get();
    List<BalanceView.ExpiringMiles> expiring =
        sql.list(
            "read the soonest expiries",
            """
            select expires_on, sum(remaining) as miles from accounts.expiry_lot
             where member_id = ? and remaining > 0 and expires_on < ?
             group by expires_on order by expires_on limit ?
            """,
            (c, ps) -> {
              ps.setLong(1, a.memberId());
              ps.setDate(2, Date.valueOf(ExpiryPolicy.NEVER));
              ps.setInt(3, expiringLots);
            },
            rs ->
                new BalanceView.ExpiringMiles(
                    rs.getDate("expires_on").toLocalDate(), rs.getLong("miles")));
    return Optional.of(
        new BalanceView(
            member, a.balance(), a.held(), a.balance() - a.held(), a.lastActivity(), expiring));
  }

  @Override
  public List<LedgerEntryView> statement(
      MemberNumber member,
      LocalDate from,
      LocalDate to,
      Set<EntryType> types,
      Long beforeId,
      int limit) {
    StringBuilder query =
        new StringBuilder(
            """
            select e.id, e.entry_type, e.amount, e.held_delta, e.balance_after, e.source_ref,
             e.activity_date, e.description, e.posted_at, e.qualifying_miles,
             e.qualifying_flights, e.qualifying_spend from accounts.ledger_entry e
             where e.member_id = (select id from accounts.member where member_number = ?)
            """);
    List<Object> params = new ArrayList<>();
    params.add(member.value());
    if (beforeId != null) {
      query.append(" and e.id < ?");
      params.add(beforeId);
    }
    if (from != null) {
      query.append(" and e.activity_date >= ?");
      params.add(Date.valueOf(from));
    }
    if (to != null) {
      query.append(" and e.activity_date <= ?");
      params.add(Date.valueOf(to));
    }
    if (!types.isEmpty()) {
      query.append(" and e.entry_type = any(?)");
      params.add(types.stream().map(Enum::name).toArray(String[]::new));
    }
    query.append(" order by e.id desc limit ?");
    params.add(limit);
    return sql.list(
        "read a statement",
        query.toString(),
        (c, ps) -> {
          for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof String[] arr) {
              ps.setArray(i + 1, Jdbc.array(c, "varchar", arr));
            } else {
              ps.setObject(i + 1, p);
            }
          }
        },
        rs ->
            new LedgerEntryView(
                rs.getLong("id"),
                EntryType.valueOf(rs.getString("entry_type")),
                rs.getLong("amount"),
                rs.getLong("held_delta"),
                rs.getLong("balance_after"),
                rs.getString("source_ref"),
                rs.getDate("activity_date").toLocalDate(),
                rs.getString("description"),
                rs.getTimestamp("posted_at").toInstant(),
                new Qualifying(
                    rs.getLong("qualifying_miles"),
                    rs.getBigDecimal("qualifying_flights").setScale(2),
                    rs.getBigDecimal("qualifying_spend").setScale(2))));
  }
}
