package org.openmiles.accounts.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberStatus;
import org.openmiles.accounts.domain.Account;
import org.openmiles.accounts.domain.AccountRepository;
import org.openmiles.common.jdbc.Jdbc;

/** {@code accounts.account}: the rows every ledger change locks first (ADR 0023). */
@ApplicationScoped
public class JdbcAccountRepository implements AccountRepository {
  private static final String LOCKED_ACCOUNT =
      """
      select m.id, m.member_number, m.status, a.balance, a.held, a.last_activity_on
       from accounts.member m join accounts.account a on a.member_id = m.id\
      """;

  @Inject LedgerSql sql;

  @Override
  public void createAccount(long memberId) {
    sql.update(
        "create an account",
        "insert into accounts.account (member_id) values (?)",
        (c, ps) -> ps.setLong(1, memberId));
  }

  @Override
  public Map<MemberNumber, Account> lockAccounts(Collection<MemberNumber> members) {
    Map<MemberNumber, Account> out = new LinkedHashMap<>();
    sql.list(
            "lock accounts",
            LOCKED_ACCOUNT + " where m.member_number = any(?) order by m.id for update of a",
            (c, ps) ->
                ps.setArray(
                    1,
                    Jdbc.array(c, "varchar", members.stream().map(MemberNumber::value).toArray())),
            JdbcAccountRepository::account)
        .forEach(a -> out.put(a.number(), a));
    return out;
  }

  @Override
  public Optional<Account> lockAccountOfHold(String sourceRef) {
    return sql.first(
        "lock the account of a hold",
        LOCKED_ACCOUNT
            + """
             where a.member_id = (select h.member_id from accounts.hold h\
             where h.source_ref = ?) for update of a\
            """,
        (c, ps) -> ps.setString(1, sourceRef),
        JdbcAccountRepository::account);
  }

  private static Account account(ResultSet rs) throws SQLException {
    return new Account(
        rs.getLong("id"),
        new MemberNumber(rs.getString("member_number")),
        MemberStatus.valueOf(rs.getString("status")),
        rs.getLong("balance"),
        rs.getLong("held"),
        LedgerSql.localDate(rs.getDate("last_activity_on")));
  }

  @Override
  public void saveAccounts(Collection<Account> accounts) {
    List<Account> changed = accounts.stream().filter(Account::changed).toList();
    if (changed.isEmpty()) {
      return;
    }
    Object[] ids = changed.stream().map(Account::memberId).toArray();
    Object[] balance = changed.stream().map(Account::balance).toArray();
    Object[] held = changed.stream().map(Account::held).toArray();
    Object[] last =
        changed.stream()
            .map(a -> a.lastActivity() == null ? null : a.lastActivity().toString())
            .toArray();
    sql.update(
        "write accounts back",
        """
        update accounts.account a set balance = t.b, held = t.h, last_activity_on = t.d\
         from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::date[]) as t(id, b, h, d)\
         where a.member_id = t.id\
        """,
        (c, ps) -> {
          ps.setArray(1, Jdbc.array(c, "bigint", ids));
          ps.setArray(2, Jdbc.array(c, "bigint", balance));
          ps.setArray(3, Jdbc.array(c, "bigint", held));
          ps.setArray(4, Jdbc.array(c, "varchar", last));
        });
  }

  @Override
  public Optional<Spendable> spendable(MemberNumber member) {
    return sql.first(
        "read what a member can spend",
        """
        select m.status, a.balance - a.held as available from accounts.member m\
         join accounts.account a on a.member_id = m.id where m.member_number = ?\
        """,
        (c, ps) -> ps.setString(1, member.value()),
        rs -> new Spendable(MemberStatus.valueOf(rs.getString("status")), rs.getLong("available")));
  }
}
