package org.openmiles.retention.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.retention.api.MemberFactsView;
import org.openmiles.retention.domain.FactDeltas;
import org.openmiles.retention.domain.FactTables;
import org.openmiles.retention.domain.MemberFactRepository;

/**
 * The facts tables in PostgreSQL: each change is one statement over arrays ({@code unnest}), so a
 * chunk of a bulk file costs the same few statements whatever its size. Rows are written in member
 * order (the deltas come sorted), as the ledger locks accounts, so concurrent chunks never wait on
 * each other in opposite orders.
 */
@ApplicationScoped
public class JdbcMemberFactRepository implements MemberFactRepository {
  @Inject Jdbc jdbc;

  /** Adds an inserted day's values to the day's row, when it has one (alias {@code d}). */
  private static final String ADD_TO_DAY =
      " on conflict (member_number, activity_date) do update set"
          + " flights = d.flights + excluded.flights,"
          + " partner_transactions = d.partner_transactions + excluded.partner_transactions,"
          + " revenue = d.revenue + excluded.revenue,"
          + " miles_earned = d.miles_earned + excluded.miles_earned";

  /** Adds an inserted category's values to its row, when it has one (alias {@code g}). */
  private static final String ADD_TO_CATEGORY =
      " on conflict (member_number, category) do update set"
          + " transactions = g.transactions + excluded.transactions,"
          + " spend = g.spend + excluded.spend";

  @Override
  public void addMiles(FactTables t, List<FactDeltas.MilesDelta> miles) {
    if (miles.isEmpty()) {
      return;
    }
    Object[][] cols =
        Jdbc.columns(miles, 3, m -> new Object[] {m.member(), m.earned(), m.redeemed()});
    jdbc.update(
        "add miles earned and redeemed",
        ("insert into %s as f (member_number, miles_earned, miles_redeemed)"
                + " select * from unnest(?::varchar[], ?::bigint[], ?::bigint[])"
                + " on conflict (member_number) do update set"
                + " miles_earned = f.miles_earned + excluded.miles_earned,"
                + " miles_redeemed = f.miles_redeemed + excluded.miles_redeemed,"
                + " updated_at = now()")
            .formatted(t.facts()),
        (c, ps) -> {
          ps.setArray(1, Jdbc.array(c, "varchar", cols[0]));
          ps.setArray(2, Jdbc.array(c, "bigint", cols[1]));
          ps.setArray(3, Jdbc.array(c, "bigint", cols[2]));
        });
  }

  @Override
  public void addDays(FactTables t, List<FactDeltas.DayDelta> days) {
    if (days.isEmpty()) {
      return;
    }
    Object[][] cols =
        Jdbc.columns(
            days,
            6,
            d ->
                new Object[] {
                  d.member(),
                  Date.valueOf(d.day()),
                  d.flights(),
                  d.partnerTransactions(),
                  d.revenue(),
                  d.miles()
                });
    jdbc.update(
        "add activity days",
        ("insert into %s as d (member_number, activity_date, flights, partner_transactions,"
                + " revenue, miles_earned)"
                + " select * from unnest(?::varchar[], ?::date[], ?::numeric[], ?::integer[],"
                + " ?::numeric[], ?::bigint[])"
                + ADD_TO_DAY)
            .formatted(t.days()),
        (c, ps) -> {
          ps.setArray(1, Jdbc.array(c, "varchar", cols[0]));
          ps.setArray(2, c.createArrayOf("date", cols[1]));
          ps.setArray(3, c.createArrayOf("numeric", cols[2]));
          ps.setArray(4, Jdbc.array(c, "integer", cols[3]));
          ps.setArray(5, c.createArrayOf("numeric", cols[4]));
          ps.setArray(6, Jdbc.array(c, "bigint", cols[5]));
        });
    List<FactDeltas.DayDelta> reduced =
        days.stream().filter(FactDeltas.DayDelta::takesAway).toList();
    if (reduced.isEmpty()) {
      return;
    }
    Object[][] keys =
        Jdbc.columns(reduced, 2, d -> new Object[] {d.member(), Date.valueOf(d.day())});
    jdbc.update(
        "drop days a reversal emptied",
        ("delete from %s d using unnest(?::varchar[], ?::date[]) as k(member_number, day)"
                + " where d.member_number = k.member_number and d.activity_date = k.day"
                + " and d.flights <= 0 and d.partner_transactions <= 0")
            .formatted(t.days()),
        (c, ps) -> {
          ps.setArray(1, Jdbc.array(c, "varchar", keys[0]));
          ps.setArray(2, c.createArrayOf("date", keys[1]));
        });
  }

  @Override
  public void addCategories(FactTables t, List<FactDeltas.CategoryDelta> categories) {
    if (categories.isEmpty()) {
      return;
    }
    Object[][] cols =
        Jdbc.columns(
            categories,
            4,
            d -> new Object[] {d.member(), d.category(), d.transactions(), d.spend()});
    jdbc.update(
        "add partner transactions by category",
        ("insert into %s as g (member_number, category, transactions, spend)"
                + " select * from unnest(?::varchar[], ?::varchar[], ?::integer[], ?::numeric[])"
                + ADD_TO_CATEGORY)
            .formatted(t.categories()),
        (c, ps) -> {
          ps.setArray(1, Jdbc.array(c, "varchar", cols[0]));
          ps.setArray(2, Jdbc.array(c, "varchar", cols[1]));
          ps.setArray(3, Jdbc.array(c, "integer", cols[2]));
          ps.setArray(4, c.createArrayOf("numeric", cols[3]));
        });
    if (categories.stream().anyMatch(g -> g.transactions() < 0)) {
      jdbc.update(
          "drop categories a reversal emptied",
          "delete from %s where member_number = any(?) and transactions <= 0"
              .formatted(t.categories()),
          (c, ps) ->
              ps.setArray(
                  1,
                  Jdbc.array(
                      c,
                      "varchar",
                      categories.stream()
                          .filter(g -> g.transactions() < 0)
                          .map(FactDeltas.CategoryDelta::member)
                          .distinct()
                          .toList())));
    }
  }

  @Override
  public void refreshActivity(FactTables t, Collection<String> members) {
    if (members.isEmpty()) {
      return;
    }
    jdbc.update(
        "set members' activity totals from their days",
        ("with m as (select unnest(?::varchar[]) as member_number),"
                + " a as (select d.member_number, min(d.activity_date) first_day,"
                + " max(d.activity_date) last_day, count(*) days, sum(d.flights) flights,"
                + " sum(d.partner_transactions) partner_tx, sum(d.revenue) revenue"
                + " from %2$s d join m on m.member_number = d.member_number"
                + " group by d.member_number)"
                + " insert into %1$s as f (member_number, first_activity, last_activity,"
                + " activity_days, flights, partner_transactions, revenue)"
                + " select m.member_number, a.first_day, a.last_day, coalesce(a.days, 0),"
                + " coalesce(a.flights, 0), coalesce(a.partner_tx, 0), coalesce(a.revenue, 0)"
                + " from m left join a on a.member_number = m.member_number"
                + " order by m.member_number"
                + " on conflict (member_number) do update set"
                + " first_activity = excluded.first_activity,"
                + " last_activity = excluded.last_activity,"
                + " activity_days = excluded.activity_days, flights = excluded.flights,"
                + " partner_transactions = excluded.partner_transactions,"
                + " revenue = excluded.revenue, updated_at = now()")
            .formatted(t.facts(), t.days()),
        (c, ps) -> ps.setArray(1, Jdbc.array(c, "varchar", members)));
  }

  @Override
  public void enrolled(FactTables t, List<Enrollment> enrollments) {
    if (enrollments.isEmpty()) {
      return;
    }
    Object[][] cols =
        Jdbc.columns(enrollments, 2, e -> new Object[] {e.member(), Date.valueOf(e.on())});
    jdbc.update(
        "record enrollment dates",
        ("insert into %s as f (member_number, enrolled_on)"
                + " select * from unnest(?::varchar[], ?::date[])"
                + " on conflict (member_number) do update set enrolled_on = excluded.enrolled_on")
            .formatted(t.facts()),
        (c, ps) -> {
          ps.setArray(1, Jdbc.array(c, "varchar", cols[0]));
          ps.setArray(2, c.createArrayOf("date", cols[1]));
        });
  }

  @Override
  public void merge(FactTables t, String duplicate, String survivor) {
    Jdbc.Binder pair =
        (c, ps) -> {
          ps.setString(1, survivor);
          ps.setString(2, duplicate);
        };
    jdbc.update(
        "move a merged duplicate's days",
        ("insert into %1$s as d (member_number, activity_date, flights, partner_transactions,"
                + " revenue, miles_earned)"
                + " select ?, activity_date, flights, partner_transactions, revenue, miles_earned"
                + " from %1$s where member_number = ?"
                + ADD_TO_DAY)
            .formatted(t.days()),
        pair);
    jdbc.update(
        "move a merged duplicate's partner categories",
        ("insert into %1$s as g (member_number, category, transactions, spend)"
                + " select ?, category, transactions, spend from %1$s where member_number = ?"
                + ADD_TO_CATEGORY)
            .formatted(t.categories()),
        pair);
    jdbc.update(
        "move a merged duplicate's miles",
        ("insert into %1$s as f (member_number, enrolled_on, miles_earned, miles_redeemed)"
                + " select ?, enrolled_on, miles_earned, miles_redeemed from %1$s"
                + " where member_number = ?"
                + " on conflict (member_number) do update set"
                + " enrolled_on = least(f.enrolled_on, excluded.enrolled_on),"
                + " miles_earned = f.miles_earned + excluded.miles_earned,"
                + " miles_redeemed = f.miles_redeemed + excluded.miles_redeemed,"
                + " updated_at = now()")
            .formatted(t.facts()),
        pair);
    for (String table : List.of(t.days(), t.categories(), t.facts())) {
      jdbc.update(
          "drop a merged duplicate's facts",
          "delete from %s where member_number = ?".formatted(table),
          (c, ps) -> ps.setString(1, duplicate));
    }
    refreshActivity(t, List.of(survivor));
  }

  @Override
  public void clear(FactTables t) {
    for (String table : List.of(t.days(), t.categories(), t.facts())) {
      jdbc.update("empty " + table, "truncate table " + table, (c, ps) -> {});
    }
  }

  private static final String FACT_COLUMNS =
      "enrolled_on, first_activity, last_activity, activity_days, flights, partner_transactions,"
          + " revenue, miles_earned, miles_redeemed";

  @Override
  public Differences compare(int examples) {
    String facts =
        ("select coalesce(l.member_number, r.member_number) member_number"
                + " from retention.member_fact l full join retention.rebuild_member_fact r"
                + " on r.member_number = l.member_number"
                + " where (l.member_number is null) or (r.member_number is null)"
                + " or row(%1$s) is distinct from row(%2$s)")
            .formatted(prefixed("l"), prefixed("r"));
    String days =
        "select coalesce(l.member_number, r.member_number) member_number"
            + " from retention.member_day l full join retention.rebuild_member_day r"
            + " on r.member_number = l.member_number and r.activity_date = l.activity_date"
            + " where row(l.flights, l.partner_transactions, l.revenue, l.miles_earned)"
            + " is distinct from row(r.flights, r.partner_transactions, r.revenue,"
            + " r.miles_earned)";
    String categories =
        "select coalesce(l.member_number, r.member_number) member_number"
            + " from retention.member_partner_category l"
            + " full join retention.rebuild_member_partner_category r"
            + " on r.member_number = l.member_number and r.category = l.category"
            + " where row(l.transactions, l.spend) is distinct from row(r.transactions, r.spend)";
    long f = count(facts);
    long d = count(days);
    long g = count(categories);
    List<String> some =
        jdbc.list(
            "list members whose facts differ",
            "select distinct member_number from ("
                + facts
                + " union all "
                + days
                + " union all "
                + categories
                + ") x order by member_number limit ?",
            (c, ps) -> ps.setInt(1, examples),
            rs -> rs.getString(1));
    return new Differences(f, d, g, some);
  }

  private static String prefixed(String alias) {
    StringBuilder out = new StringBuilder();
    for (String col : FACT_COLUMNS.split(",\\s*")) {
      out.append(out.isEmpty() ? "" : ", ").append(alias).append('.').append(col);
    }
    return out.toString();
  }

  private long count(String sql) {
    return jdbc.first(
            "count differing facts",
            "select count(*) from (" + sql + ") x",
            (c, ps) -> {},
            rs -> rs.getLong(1))
        .orElse(0L);
  }

  @Override
  public void replaceLiveByRebuilt() {
    clear(FactTables.LIVE);
    FactTables live = FactTables.LIVE;
    FactTables rebuilt = FactTables.REBUILD;
    for (String[] pair :
        List.of(
            new String[] {live.facts(), rebuilt.facts()},
            new String[] {live.days(), rebuilt.days()},
            new String[] {live.categories(), rebuilt.categories()})) {
      jdbc.update(
          "replace " + pair[0] + " by the rebuilt facts",
          "insert into " + pair[0] + " select * from " + pair[1],
          (c, ps) -> {});
    }
  }

  @Override
  public long members(FactTables t) {
    return jdbc.first(
            "count members with facts",
            "select count(*) from " + t.facts(),
            (c, ps) -> {},
            rs -> rs.getLong(1))
        .orElse(0L);
  }

  @Override
  public Optional<MemberFactsView> find(String member, String currency) {
    List<MemberFactsView.Category> categories =
        jdbc.list(
            "read a member's partner categories",
            "select category, transactions, spend from retention.member_partner_category"
                + " where member_number = ? order by category",
            (c, ps) -> ps.setString(1, member),
            rs -> new MemberFactsView.Category(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3)));
    return jdbc.first(
        "read a member's facts",
        "select " + FACT_COLUMNS + " from retention.member_fact where member_number = ?",
        (c, ps) -> ps.setString(1, member),
        rs ->
            new MemberFactsView(
                member,
                date(rs.getDate("enrolled_on")),
                date(rs.getDate("first_activity")),
                date(rs.getDate("last_activity")),
                rs.getInt("activity_days"),
                rs.getBigDecimal("flights"),
                rs.getInt("partner_transactions"),
                money(rs.getBigDecimal("revenue")),
                currency,
                rs.getLong("miles_earned"),
                rs.getLong("miles_redeemed"),
                categories));
  }

  private static java.time.LocalDate date(Date d) {
    return d == null ? null : d.toLocalDate();
  }

  private static BigDecimal money(BigDecimal b) {
    return b == null ? BigDecimal.ZERO : b;
  }
}
