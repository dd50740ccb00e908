package org.openmiles.accounts.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmiles.accounts.api.BalanceView;
import org.openmiles.accounts.api.ExpiringMilesPage;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.domain.ExpiryLotRepository;
import org.openmiles.accounts.domain.ExpiryLots;
import org.openmiles.accounts.domain.ExpiryPolicy;
import org.openmiles.common.jdbc.Jdbc;

/**
 * {@code accounts.expiry_lot} and {@code accounts.expiry_policy}: lots added and consumed a batch
 * per statement, and the keyset pages of members whose miles are due.
 */
@ApplicationScoped
public class JdbcExpiryLotRepository implements ExpiryLotRepository {

  @Inject LedgerSql sql;

  @Override
  public void insertLots(List<NewLot> lots) {
    if (lots.isEmpty()) {
      return;
    }
    Object[][] cols =
        Jdbc.columns(
            lots,
            4,
            l -> new Object[] {l.memberId(), l.entryId(), l.expiresOn().toString(), l.miles()});
    sql.update(
        "add expiry lots",
        """
        insert into accounts.expiry_lot (member_id, entry_id, expires_on, original, remaining)
         select m, e, x, q, q from unnest(?::bigint[], ?::bigint[], ?::date[], ?::bigint[])
         as t(m, e, x, q)
        """,
        (c, ps) -> {
          ps.setArray(1, Jdbc.array(c, "bigint", cols[0]));
          ps.setArray(2, Jdbc.array(c, "bigint", cols[1]));
          ps.setArray(3, Jdbc.array(c, "varchar", cols[2]));
          ps.setArray(4, Jdbc.array(c, "bigint", cols[3]));
        });
  }

  @Override
  public void addToPooledLots(List<PooledCredit> credits) {
    if (credits.isEmpty()) {
      return;
    }
    // one row per (member, expiry date) in the statement: an upsert may not touch a row twice
    Map<Long, Map<LocalDate, Long>> sums = new LinkedHashMap<>();
    for (PooledCredit c : credits) {
      sums.computeIfAbsent(c.memberId(), k -> new HashMap<>())
          .merge(c.expiresOn(), c.miles(), Long::sum);
    }
    List<Object> member = new ArrayList<>();
    List<Object> expires = new ArrayList<>();
    List<Object> miles = new ArrayList<>();
    sums.forEach(
        (m, byDate) ->
            byDate.forEach(
                (date, q) -> {
                  member.add(m);
                  expires.add(date.toString());
                  miles.add(q);
                }));
    sql.update(
        "add credits to pooled lots",
        """
        insert into accounts.expiry_lot as l (member_id, expires_on, original, remaining)
         select m, x, q, q from unnest(?::bigint[], ?::date[], ?::bigint[]) as t(m, x, q)
         on conflict (member_id, expires_on) where entry_id is null do update
         set original = l.original + excluded.original,
         remaining = l.remaining + excluded.remaining
        """,
        (c, ps) -> {
          ps.setArray(1, Jdbc.array(c, "bigint", member));
          ps.setArray(2, Jdbc.array(c, "varchar", expires));
          ps.setArray(3, Jdbc.array(c, "bigint", miles));
        });
  }

  @Override
  public List<ExpiryLots.OpenLot> openLots(long memberId, int limit, int offset) {
    return sql.list(
        "read open lots",
        """
        select id, remaining from accounts.expiry_lot where member_id = ? and remaining > 0
         order by expires_on, id limit ? offset ?
        """,
        (c, ps) -> {
          ps.setLong(1, memberId);
          ps.setInt(2, limit);
          ps.setInt(3, offset);
        },
        rs -> new ExpiryLots.OpenLot(rs.getLong("id"), rs.getLong("remaining")));
  }

  @Override
  public void consumeLots(List<ExpiryLots.Take> takes) {
    if (takes.isEmpty()) {
      return;
    }
    Object[] ids = takes.stream().map(ExpiryLots.Take::lotId).toArray();
    Object[] miles = takes.stream().map(ExpiryLots.Take::miles).toArray();
    sql.update(
        "consume lots",
        """
        update accounts.expiry_lot l set remaining = l.remaining - t.q
         from unnest(?::bigint[], ?::bigint[]) as t(id, q) where l.id = t.id
        """,
        (c, ps) -> {
          ps.setArray(1, Jdbc.array(c, "bigint", ids));
          ps.setArray(2, Jdbc.array(c, "bigint", miles));
        });
  }

  @Override
  public List<BalanceView.ExpiringMiles> lotsCreatedBy(long entryId) {
    return sql.list(
        "read the lots of an entry",
        """
        select expires_on, sum(original) as miles from accounts.expiry_lot where entry_id = ?
         group by expires_on order by expires_on
        """,
        (c, ps) -> ps.setLong(1, entryId),
        rs ->
            new BalanceView.ExpiringMiles(
                rs.getDate("expires_on").toLocalDate(), rs.getLong("miles")));
  }

  @Override
  public Map<Long, LocalDate> lotExpiries(Collection<Long> lotIds) {
    Map<Long, LocalDate> out = new HashMap<>();
    if (lotIds.isEmpty()) {
      return out;
    }
    Object[] ids = lotIds.toArray();
    sql.list(
            "read lot expiries",
            "select id, expires_on from accounts.expiry_lot where id = any(?::bigint[])",
            (c, ps) -> ps.setArray(1, Jdbc.array(c, "bigint", ids)),
            rs -> Map.entry(rs.getLong("id"), rs.getDate("expires_on").toLocalDate()))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  @Override
  public List<DatedLot> datedLots(long memberId, LocalDate validOn, int limit) {
    return sql.list(
        "read dated lots",
        """
        select id, remaining, expires_on from accounts.expiry_lot where member_id = ?
         and remaining > 0 and expires_on >= ? and expires_on < ?
         order by expires_on, id limit ?
        """,
        (c, ps) -> {
          ps.setLong(1, memberId);
          ps.setDate(2, Date.valueOf(validOn));
          ps.setDate(3, Date.valueOf(ExpiryPolicy.NEVER));
          ps.setInt(4, limit);
        },
        rs ->
            new DatedLot(
                rs.getLong("id"), rs.getLong("remaining"), rs.getDate("expires_on").toLocalDate()));
  }

  @Override
  public List<ExpiringMilesPage.Member> expiringMembers(
      LocalDate from, LocalDate to, ExpiryPolicy inactivity, String after, int limit) {
    // dated lots in the window; under the inactivity policy also whole balances whose inactivity
    // period ends in the window (last activity + months); one row per member, the earlier first
    String lapsing =
        inactivity == null
            ? ""
            : """
               union all select m.member_number, a.balance - a.held,
               (a.last_activity_on + make_interval(months => ?))::date, 'INACTIVITY'
               from accounts.account a join accounts.member m on m.id = a.member_id
               where a.balance > a.held and m.member_number > ?
               and (a.last_activity_on + make_interval(months => ?))::date between ? and ?
              """;
    return sql.list(
        "find members with miles about to expire",
        """
        select member_number, max(miles) as miles, min(first_expiry) as first_expiry,
         min(reason) as reason from (
         select m.member_number, sum(l.remaining) miles, min(l.expires_on) first_expiry,
         'FIXED_TERM' reason from accounts.expiry_lot l
         join accounts.member m on m.id = l.member_id
         where l.remaining > 0 and l.expires_on between ? and ? and m.member_number > ?
         group by m.member_number
        """
            + lapsing
            + ") x group by member_number order by member_number limit ?",
        (c, ps) -> {
          int i = 1;
          ps.setDate(i++, Date.valueOf(from));
          ps.setDate(i++, Date.valueOf(to));
          ps.setString(i++, after == null ? "" : after);
          if (inactivity != null) {
            ps.setInt(i++, inactivity.months());
            ps.setString(i++, after == null ? "" : after);
            ps.setInt(i++, inactivity.months());
            ps.setDate(i++, Date.valueOf(from));
            ps.setDate(i++, Date.valueOf(to));
          }
          ps.setInt(i, limit);
        },
        rs ->
            new ExpiringMilesPage.Member(
                new MemberNumber(rs.getString("member_number")),
                rs.getLong("miles"),
                rs.getDate("first_expiry").toLocalDate(),
                rs.getString("reason")));
  }

  @Override
  public ExpiryPolicy policyOn(LocalDate date) {
    return sql.first(
            "read the expiry policy",
            """
            select kind, months from accounts.expiry_policy where effective_from <= ?
             order by effective_from desc limit 1
            """,
            (c, ps) -> ps.setDate(1, Date.valueOf(date)),
            rs ->
                new ExpiryPolicy(
                    ExpiryPolicy.Kind.valueOf(rs.getString("kind")), rs.getInt("months")))
        .orElseThrow(() -> new IllegalStateException("no expiry policy is in effect on " + date));
  }

  @Override
  public List<DueMiles> dueMiles(LocalDate asOf, long afterMemberId, int limit) {
    return dueMembers(
        "find members with expired lots",
        """
        select l.member_id, m.member_number, sum(l.remaining) as due from accounts.expiry_lot l
          join accounts.member m on m.id = l.member_id
         where l.remaining > 0 and l.expires_on < ? and l.member_id > ?
         group by l.member_id, m.member_number order by l.member_id limit ?
        """,
        asOf,
        afterMemberId,
        limit);
  }

  @Override
  public List<DueMiles> lapsedMembers(LocalDate lastActiveBefore, long afterMemberId, int limit) {
    return dueMembers(
        "find inactive members",
        """
        select a.member_id, m.member_number, a.balance as due from accounts.account a
          join accounts.member m on m.id = a.member_id
         where a.last_activity_on < ? and a.balance > a.held and a.member_id > ?
         order by a.member_id limit ?
        """,
        lastActiveBefore,
        afterMemberId,
        limit);
  }

  /**
   * Runs a keyset query over members: (date, after member id, limit) to (member_id, member_number,
   * due).
   */
  private List<DueMiles> dueMembers(
      String what, String query, LocalDate date, long afterMemberId, int limit) {
    return sql.list(
        what,
        query,
        (c, ps) -> {
          ps.setDate(1, Date.valueOf(date));
          ps.setLong(2, afterMemberId);
          ps.setInt(3, limit);
        },
        rs ->
            new DueMiles(
                rs.getLong("member_id"),
                new MemberNumber(rs.getString("member_number")),
                rs.getLong("due")));
  }
}
