package org.openmiles.retention.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
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

  /** A member's totals a delta adds to (named as the columns of the members' table). */
  private static final String TOTALS =
      "member_number, activity_days, first_activity, last_activity, flights,"
          + " partner_transactions, revenue, miles_earned, miles_redeemed";

  /** The SQL types of {@link #TOTALS}, in order. */
  private static final String[] TOTAL_TYPES = {
    "varchar", "integer", "date", "date", "numeric", "integer", "numeric", "bigint", "bigint"
  };

  /**
   * The SQL types of a day delta's columns (member, date, flights, transactions, revenue, miles).
   */
  private static final String[] DAY_TYPES = {
    "varchar", "date", "numeric", "integer", "numeric", "bigint"
  };

  /** A partner category delta's columns, and their SQL types. */
  private static final String CATEGORY = "member_number, category, transactions, spend";

  private static final String[] CATEGORY_TYPES = {"varchar", "varchar", "integer", "numeric"};

  /** Adds a delta's values (alias {@code %1$s}) to a member's row (alias {@code f}). */
  private static final String ADD_TO_TOTALS =
      " activity_days = f.activity_days + %1$s.activity_days,"
          + " first_activity = least(f.first_activity, %1$s.first_activity),"
          + " last_activity = greatest(f.last_activity, %1$s.last_activity),"
          + " flights = f.flights + %1$s.flights,"
          + " partner_transactions = f.partner_transactions + %1$s.partner_transactions,"
          + " revenue = f.revenue + %1$s.revenue,"
          + " miles_earned = f.miles_earned + %1$s.miles_earned,"
          + " miles_redeemed = f.miles_redeemed + %1$s.miles_redeemed, updated_at = now()";

  /**
   * An update of the members' rows that exist (every enrolled member has one), then, if it did not
   * find them all, an insert of those without a row: cheaper than an upsert per row, which first
   * tries an insert. The ledger has locked the members' accounts, so no other transaction adds
   * their rows in between; the upsert is only a guard.
   */
  @Override
  public void addTotals(
      FactTables t, List<FactDeltas.MemberDelta> members, Map<String, Integer> newDays) {
    if (members.isEmpty()) {
      return;
    }
    int updated =
        jdbc.update(
            "add to members' totals",
            ("update %s f set"
                    + ADD_TO_TOTALS.formatted("k")
                    + " from unnest(%s) as k(%s)"
                    + " where f.member_number = k.member_number")
                .formatted(t.facts(), Jdbc.unnestParameters(TOTAL_TYPES), TOTALS),
            totals(members, newDays));
    if (updated == members.size()) {
      return;
    }
    jdbc.update(
        "add members' totals",
        ("insert into %1$s as f (%2$s)"
                + " select * from unnest(%3$s) as k(%2$s)"
                + " where not exists (select 1 from %1$s e where e.member_number = k.member_number)"
                + " on conflict (member_number) do update set"
                + ADD_TO_TOTALS.formatted("excluded"))
            .formatted(t.facts(), TOTALS, Jdbc.unnestParameters(TOTAL_TYPES)),
        totals(members, newDays));
  }

  private static Jdbc.Binder totals(
      List<FactDeltas.MemberDelta> members, Map<String, Integer> newDays) {
    Object[][] cols =
        Jdbc.columns(
            members,
            9,
            m ->
                new Object[] {
                  m.member(),
                  newDays.getOrDefault(m.member(), 0),
                  m.firstDay() == null ? null : Date.valueOf(m.firstDay()),
                  m.lastDay() == null ? null : Date.valueOf(m.lastDay()),
                  m.flights(),
                  m.partnerTransactions(),
                  m.revenue(),
                  m.earned(),
                  m.redeemed()
                });
    return Jdbc.arrays(cols, TOTAL_TYPES);
  }

  /**
   * One statement adds the days and counts, per member, those that were not stored: a day's row
   * after the statement equals the delta exactly when it was new, since a stored day always has a
   * flight or a partner transaction (a day without either is dropped) and the sum would differ.
   * (Asking the table first would cost a second index search per day.)
   */
  @Override
  public Map<String, Integer> addDays(FactTables t, List<FactDeltas.DayDelta> days) {
    if (days.isEmpty()) {
      return Map.of();
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
    List<Map.Entry<String, Integer>> fresh =
        jdbc.list(
            "add activity days",
            ("with k (member_number, activity_date, flights, partner_transactions, revenue,"
                    + " miles_earned) as (select * from unnest(%2$s)),"
                    + " added as (insert into %1$s as d (member_number, activity_date, flights,"
                    + " partner_transactions, revenue, miles_earned) select * from k"
                    + ADD_TO_DAY
                    + " returning d.*)"
                    + " select k.member_number, count(*) from added a join k"
                    + " on a.member_number = k.member_number and a.activity_date = k.activity_date"
                    + " where a.flights = k.flights and a.partner_transactions = k.partner_transactions"
                    + " and a.revenue = k.revenue and a.miles_earned = k.miles_earned"
                    + " group by k.member_number")
                .formatted(t.days(), Jdbc.unnestParameters(DAY_TYPES)),
            Jdbc.arrays(cols, DAY_TYPES),
            rs -> Map.entry(rs.getString(1), rs.getInt(2)));
    List<FactDeltas.DayDelta> reduced =
        days.stream().filter(FactDeltas.DayDelta::takesAway).toList();
    if (!reduced.isEmpty()) {
      jdbc.update(
          "drop days a reversal emptied",
          ("delete from %s d using unnest(?::varchar[], ?::date[]) as k(member_number, day)"
                  + " where d.member_number = k.member_number and d.activity_date = k.day"
                  + " and d.flights <= 0 and d.partner_transactions <= 0")
              .formatted(t.days()),
          memberDates(reduced, FactDeltas.DayDelta::member, FactDeltas.DayDelta::day));
    }
    return fresh.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** Updates the categories that exist, then adds the others (as {@link #addTotals}). */
  @Override
  public void addCategories(FactTables t, List<FactDeltas.CategoryDelta> categories) {
    if (categories.isEmpty()) {
      return;
    }
    int updated =
        jdbc.update(
            "add partner transactions by category",
            ("update %s g set transactions = g.transactions + k.transactions,"
                    + " spend = g.spend + k.spend"
                    + " from unnest(%s) as k(%s)"
                    + " where g.member_number = k.member_number and g.category = k.category")
                .formatted(t.categories(), Jdbc.unnestParameters(CATEGORY_TYPES), CATEGORY),
            categories(categories));
    if (updated < categories.size()) {
      jdbc.update(
          "add partner categories",
          ("insert into %1$s as g (%2$s) select * from unnest(%3$s) as k(%2$s)"
                  + " where not exists (select 1 from %1$s e"
                  + " where e.member_number = k.member_number and e.category = k.category)"
                  + ADD_TO_CATEGORY)
              .formatted(t.categories(), CATEGORY, Jdbc.unnestParameters(CATEGORY_TYPES)),
          categories(categories));
    }
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

  private static Jdbc.Binder categories(List<FactDeltas.CategoryDelta> categories) {
    Object[][] cols =
        Jdbc.columns(
            categories,
            4,
            d -> new Object[] {d.member(), d.category(), d.transactions(), d.spend()});
    return Jdbc.arrays(cols, CATEGORY_TYPES);
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
    jdbc.update(
        "record enrollment dates",
        ("insert into %s as f (member_number, enrolled_on)"
                + " select * from unnest(?::varchar[], ?::date[])"
                + " on conflict (member_number) do update set enrolled_on = excluded.enrolled_on")
            .formatted(t.facts()),
        memberDates(enrollments, Enrollment::member, Enrollment::on));
  }

  /** Binds two arrays, of member numbers and of dates, one pair per row. */
  private static <T> Jdbc.Binder memberDates(
      List<T> rows, Function<T, String> member, Function<T, LocalDate> day) {
    Object[][] cols =
        Jdbc.columns(rows, 2, r -> new Object[] {member.apply(r), Date.valueOf(day.apply(r))});
    return Jdbc.arrays(cols, "varchar", "date");
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
