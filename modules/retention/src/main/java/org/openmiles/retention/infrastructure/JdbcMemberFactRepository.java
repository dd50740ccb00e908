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
    addTotalsFrom(
        t,
        "unnest(%s) as k(%s)".formatted(Jdbc.unnestParameters(TOTAL_TYPES), TOTALS),
        totals(members, newDays),
        members.size());
  }

  /**
   * Adds the totals of {@code source} (rows named as {@link #TOTALS}, alias {@code k}) to the
   * members' rows: an update, then, unless it found {@code expected} rows, an insert of the others.
   */
  private void addTotalsFrom(FactTables t, String source, Jdbc.Binder binder, long expected) {
    int updated =
        jdbc.update(
            "add to members' totals",
            ("update %s f set"
                    + ADD_TO_TOTALS.formatted("k")
                    + " from %s"
                    + " where f.member_number = k.member_number")
                .formatted(t.facts(), source),
            binder);
    if (updated == expected) {
      return;
    }
    jdbc.update(
        "add members' totals",
        ("insert into %1$s as f (%2$s)"
                + " select k.* from %3$s"
                + " where not exists (select 1 from %1$s e where e.member_number = k.member_number)"
                + " on conflict (member_number) do update set"
                + ADD_TO_TOTALS.formatted("excluded"))
            .formatted(t.facts(), TOTALS, source),
        binder);
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
            addDaysCountingNew(
                t, "select * from unnest(%s)".formatted(Jdbc.unnestParameters(DAY_TYPES))),
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

  /**
   * Adds the day deltas of {@code rows} (a query of the day columns) to the days and answers, per
   * member, how many of them were not stored.
   */
  private static String addDaysCountingNew(FactTables t, String rows) {
    return ("with k (member_number, activity_date, flights, partner_transactions, revenue,"
            + " miles_earned) as (%2$s),"
            + " added as (insert into %1$s as d (member_number, activity_date, flights,"
            + " partner_transactions, revenue, miles_earned) select * from k"
            + ADD_TO_DAY
            + " returning d.*)"
            + " select k.member_number, count(*) from added a join k"
            + " on a.member_number = k.member_number and a.activity_date = k.activity_date"
            + " where a.flights = k.flights and a.partner_transactions = k.partner_transactions"
            + " and a.revenue = k.revenue and a.miles_earned = k.miles_earned"
            + " group by k.member_number")
        .formatted(t.days(), rows);
  }

  /** Updates the categories that exist, then adds the others (as {@link #addTotals}). */
  @Override
  public void addCategories(FactTables t, List<FactDeltas.CategoryDelta> categories) {
    if (categories.isEmpty()) {
      return;
    }
    addCategoriesFrom(
        t,
        "unnest(%s) as k(%s)".formatted(Jdbc.unnestParameters(CATEGORY_TYPES), CATEGORY),
        categories(categories),
        categories.size());
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

  /** Adds the categories of {@code source} (alias {@code k}), as {@link #addTotalsFrom}. */
  private void addCategoriesFrom(FactTables t, String source, Jdbc.Binder binder, long expected) {
    int updated =
        jdbc.update(
            "add partner transactions by category",
            ("update %s g set transactions = g.transactions + k.transactions,"
                    + " spend = g.spend + k.spend"
                    + " from %s"
                    + " where g.member_number = k.member_number and g.category = k.category")
                .formatted(t.categories(), source),
            binder);
    if (updated < expected) {
      jdbc.update(
          "add partner categories",
          ("insert into %1$s as g (%2$s) select k.* from %3$s"
                  + " where not exists (select 1 from %1$s e"
                  + " where e.member_number = k.member_number and e.category = k.category)"
                  + ADD_TO_CATEGORY)
              .formatted(t.categories(), CATEGORY, source),
          binder);
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

  /** The journal's columns, and their SQL types. */
  private static final String JOURNAL =
      "member_number, activity_date, category, flights, partner_transactions, revenue, miles,"
          + " earned, redeemed";

  private static final String[] JOURNAL_TYPES = {
    "varchar", "date", "varchar", "numeric", "integer", "numeric", "bigint", "bigint", "bigint"
  };

  /** The advisory lock of the journal's folder (one at a time in the cluster). */
  private static final long FOLDER_LOCK = 0x7265_7465_6e74_6a6cL;

  @Override
  public void journal(List<FactDeltas.Activity> activities) {
    if (activities.isEmpty()) {
      return;
    }
    Object[][] cols =
        Jdbc.columns(
            activities,
            9,
            a ->
                new Object[] {
                  a.member(),
                  a.day() == null ? null : Date.valueOf(a.day()),
                  a.category(),
                  a.flights(),
                  a.partnerTransactions(),
                  a.revenue(),
                  a.miles(),
                  a.earned(),
                  a.redeemed()
                });
    jdbc.update(
        "journal the facts' deltas",
        "insert into retention.fact_journal (%s) select * from unnest(%s)"
            .formatted(JOURNAL, Jdbc.unnestParameters(JOURNAL_TYPES)),
        Jdbc.arrays(cols, JOURNAL_TYPES));
  }

  /**
   * Takes up to {@code limit} committed rows out of the journal and adds them to the kept facts,
   * set-based, in this transaction: they are summed per member and day, member, and member and
   * category into temporary tables (what {@link FactDeltas#fromActivities} makes of them), then
   * applied with the statements a batch runs ({@link #addDaysCountingNew}, {@link #addTotalsFrom},
   * {@link #addCategoriesFrom}, {@link #refreshActivity}) reading those tables instead of arrays.
   */
  @Override
  public long foldJournal(int limit, boolean wait) {
    if (!lockFolder(wait)) {
      return -1;
    }
    FactTables t = FactTables.LIVE;
    jdbc.update(
        "make room for the journal's rows",
        "create temporary table fold_rows (like retention.fact_journal) on commit drop",
        (c, ps) -> {});
    // by row address: a page of the heap's rows without reading the rest of it
    long rows =
        jdbc.update(
            "take rows out of the facts' journal",
            "with moved as (delete from retention.fact_journal where ctid = any(array("
                + "select ctid from retention.fact_journal limit ?)) returning *)"
                + " insert into fold_rows select * from moved",
            (c, ps) -> ps.setInt(1, limit));
    if (rows == 0) {
      return 0;
    }
    temporary(
        "fold_days",
        "select member_number, activity_date, sum(flights) flights,"
            + " sum(partner_transactions)::integer partner_transactions, sum(revenue) revenue,"
            + " sum(miles)::bigint miles_earned from fold_rows where activity_date is not null"
            + " group by member_number, activity_date having sum(flights) <> 0"
            + " or sum(partner_transactions) <> 0 or sum(revenue) <> 0 or sum(miles) <> 0");
    temporary(
        "fold_new_days",
        addDaysCountingNew(t, "select * from fold_days order by member_number, activity_date"));
    jdbc.update(
        "drop days a reversal emptied",
        ("delete from %s d using fold_days k"
                + " where d.member_number = k.member_number and d.activity_date = k.activity_date"
                + " and (k.flights < 0 or k.partner_transactions < 0)"
                + " and d.flights <= 0 and d.partner_transactions <= 0")
            .formatted(t.days()),
        (c, ps) -> {});
    long members =
        temporary(
            "fold_members",
            ("select member_number, sum(activity_days)::integer activity_days,"
                + " min(first_activity) first_activity, max(last_activity) last_activity,"
                + " sum(flights) flights, sum(partner_transactions)::integer"
                + " partner_transactions, sum(revenue) revenue,"
                + " sum(miles_earned)::bigint miles_earned,"
                + " sum(miles_redeemed)::bigint miles_redeemed from ("
                + "select member_number, 0 activity_days, null::date first_activity,"
                + " null::date last_activity, 0 flights, 0 partner_transactions, 0 revenue,"
                + " earned miles_earned, redeemed miles_redeemed from fold_rows"
                + " where earned <> 0 or redeemed <> 0"
                + " union all select member_number, 0, activity_date, activity_date, flights,"
                + " partner_transactions, revenue, 0, 0 from fold_days"
                + " union all select member_number, count, null, null, 0, 0, 0, 0, 0"
                + " from fold_new_days) m group by member_number order by member_number"));
    addTotalsFrom(t, "fold_members k", (c, ps) -> {}, members);
    long categories =
        temporary(
            "fold_categories",
            "select member_number, category, sum(partner_transactions)::integer transactions,"
                + " sum(revenue) spend from fold_rows"
                + " where category is not null and activity_date is not null"
                + " group by member_number, category"
                + " having sum(partner_transactions) <> 0 or sum(revenue) <> 0"
                + " order by member_number, category");
    addCategoriesFrom(t, "fold_categories k", (c, ps) -> {}, categories);
    jdbc.update(
        "drop categories a reversal emptied",
        ("delete from %s g using (select distinct member_number from fold_categories"
                + " where transactions < 0) k"
                + " where g.member_number = k.member_number and g.transactions <= 0")
            .formatted(t.categories()),
        (c, ps) -> {});
    List<String> losing =
        jdbc.list(
            "find members whose days lost activity",
            "select distinct member_number from fold_days"
                + " where flights < 0 or partner_transactions < 0 order by member_number",
            (c, ps) -> {},
            rs -> rs.getString(1));
    refreshActivity(t, losing);
    return rows;
  }

  /**
   * Takes the folder's lock until the end of the transaction: waiting for another holder, or not
   * ({@code false} while another holds it).
   */
  private boolean lockFolder(boolean wait) {
    return jdbc.first(
            "lock the facts' folder",
            wait
                ? "select true from pg_advisory_xact_lock(?)"
                : "select pg_try_advisory_xact_lock(?)",
            (c, ps) -> ps.setLong(1, FOLDER_LOCK),
            rs -> rs.getBoolean(1))
        .orElse(false);
  }

  /** Creates a temporary table (dropped at commit) of {@code query}'s rows; answers how many. */
  private long temporary(String name, String query) {
    long n =
        jdbc.update(
            "fold the facts' journal into " + name,
            "create temporary table " + name + " on commit drop as " + query,
            (c, ps) -> {});
    jdbc.update("analyse " + name, "analyze " + name, (c, ps) -> {});
    return n;
  }

  @Override
  public void moveJournal(String duplicate, String survivor) {
    lockFolder(true);
    jdbc.update(
        "give a merged duplicate's journal rows to the survivor",
        "update retention.fact_journal set member_number = ? where member_number = ?",
        (c, ps) -> {
          ps.setString(1, survivor);
          ps.setString(2, duplicate);
        });
  }

  @Override
  public JournalStatistics journalStatistics() {
    return jdbc.first(
            "read the facts' journal's statistics",
            "select coalesce(n_tup_ins, 0), greatest(coalesce(n_tup_ins - n_tup_del, 0), 0)"
                + " from pg_stat_user_tables"
                + " where relid = 'retention.fact_journal'::regclass",
            (c, ps) -> {},
            rs -> new JournalStatistics(rs.getLong(1), rs.getLong(2)))
        .orElse(new JournalStatistics(0, 0));
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

  /**
   * A member's facts as kept plus what the journal holds for them, each read in one statement (one
   * snapshot, whether or not the folder moves the member's rows meanwhile): the activity totals
   * from the member's days with the journal's days added (a day a reversal empties is no day), the
   * miles and the enrollment date from their row, the categories with the journal's added.
   */
  @Override
  public Optional<MemberFactsView> find(String member, String currency) {
    List<MemberFactsView.Category> categories =
        jdbc.list(
            "read a member's partner categories",
            "select category, sum(transactions), sum(spend) from ("
                + " select category, transactions, spend from retention.member_partner_category"
                + " where member_number = ?"
                + " union all select category, partner_transactions, revenue"
                + " from retention.fact_journal where member_number = ? and category is not null"
                + ") g group by category having sum(transactions) > 0 order by category",
            (c, ps) -> {
              ps.setString(1, member);
              ps.setString(2, member);
            },
            rs -> new MemberFactsView.Category(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3)));
    return jdbc.first(
            "read a member's facts",
            """
            with j as (select * from retention.fact_journal where member_number = ?),
                 jd as (select activity_date, sum(flights) flights,
                               sum(partner_transactions) partner_transactions, sum(revenue) revenue
                          from j where activity_date is not null group by activity_date),
                 d as (select coalesce(k.flights, 0) + coalesce(n.flights, 0) flights,
                              coalesce(k.partner_transactions, 0)
                                + coalesce(n.partner_transactions, 0) partner_transactions,
                              coalesce(k.revenue, 0) + coalesce(n.revenue, 0) revenue,
                              coalesce(k.activity_date, n.activity_date) activity_date
                         from (select * from retention.member_day where member_number = ?) k
                         full join jd n on n.activity_date = k.activity_date)
            select f.enrolled_on, a.first_activity, a.last_activity, a.activity_days, a.flights,
                   a.partner_transactions, a.revenue,
                   coalesce(f.miles_earned, 0) + m.earned miles_earned,
                   coalesce(f.miles_redeemed, 0) + m.redeemed miles_redeemed,
                   f.member_number is not null or a.activity_days > 0 or m.n > 0 known
              from (select min(activity_date) first_activity, max(activity_date) last_activity,
                           count(*) activity_days, coalesce(sum(flights), 0) flights,
                           coalesce(sum(partner_transactions), 0) partner_transactions,
                           coalesce(sum(revenue), 0) revenue
                      from d where flights > 0 or partner_transactions > 0) a
             cross join (select coalesce(sum(earned), 0) earned,
                                coalesce(sum(redeemed), 0) redeemed, count(*) n from j) m
              left join retention.member_fact f on f.member_number = ?""",
            (c, ps) -> {
              ps.setString(1, member);
              ps.setString(2, member);
              ps.setString(3, member);
            },
            rs ->
                rs.getBoolean("known")
                    ? Optional.of(
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
                            categories))
                    : Optional.<MemberFactsView>empty())
        .flatMap(o -> o);
  }

  private static java.time.LocalDate date(Date d) {
    return d == null ? null : d.toLocalDate();
  }

  private static BigDecimal money(BigDecimal b) {
    return b == null ? BigDecimal.ZERO : b;
  }
}
