package org.openmiles.retention.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.retention.domain.DayHistory;
import org.openmiles.retention.domain.GammaGamma;
import org.openmiles.retention.domain.HistoryScore;
import org.openmiles.retention.domain.MemberExtra;
import org.openmiles.retention.domain.RfmSegments;
import org.openmiles.retention.domain.ScoreWork;
import org.openmiles.retention.domain.ScoringScope;
import org.openmiles.retention.domain.SpendCounts;

/**
 * The scoring run's steps in PostgreSQL. The summary is one aggregate over {@code member_day}, made
 * whole or, night after night, kept and brought up to date for the members whose days changed or
 * leave the window (ADR 0043); the distinct histories scored in Java come back in batches through
 * {@code unnest}; the publication is a handful of statements over the scratch tables (ADR 0036,
 * 0042): the new scores in a table of their own, prepared by statements that can run side by side,
 * then put in place (ADR 0044).
 */
@ApplicationScoped
public class JdbcScoreWork implements ScoreWork {
  private static final Logger LOG = Logger.getLogger(JdbcScoreWork.class.getName());
  private static final int BATCH = 10_000;

  /** The SQL types of a scored history's columns in {@code score_model}. */
  private static final String[] HISTORY_TYPES = {
    "int", "int", "int", "float8", "float8", "float8", "varchar", "varchar"
  };

  /** The SQL types of a member's extras in {@code score_extra} (member, tier, two reasons). */
  private static final String[] EXTRA_TYPES = {"varchar", "varchar", "varchar", "varchar"};

  private static final String SCORES = "retention.member_score";
  private static final String REASONS = "retention.member_churn_reason";

  /** The new scores and reasons until they take the old ones' place, and the segment changes. */
  private static final String NEW_SCORES = "retention.member_score_next";

  private static final String NEW_REASONS = "retention.member_churn_reason_next";
  private static final String CHANGES = "retention.segment_change_next";

  @Inject Jdbc jdbc;

  /**
   * Memory for the run's sorts and hash tables, and for rebuilding indexes, in its own transactions
   * only ({@code set_config(…, true)} is {@code SET LOCAL}): a whole-base summary, three sorts of
   * every member and an index build each fit in memory instead of spilling to disk (ADR 0039).
   */
  @Inject
  @ConfigProperty(name = "openmiles.retention.scoring.work-mem", defaultValue = "256MB")
  String workMem;

  /** This transaction's statements get the run's memory, and no JIT compilation (ADR 0039). */
  private void tune() {
    jdbc.first(
        "give the scoring run its memory",
        "select set_config('work_mem', ?, true), set_config('maintenance_work_mem', ?, true),"
            + " set_config('jit', 'off', true)",
        (c, ps) -> {
          ps.setString(1, workMem);
          ps.setString(2, workMem);
        },
        rs -> rs.getString(1));
  }

  /**
   * The summary of the members {@code where} selects (a condition on {@code member_day d}, after
   * the date's), one row each, as of the first parameter's date. Parameters: the window's start
   * three times, the mile value, the date, then {@code where}'s. A day's value is its revenue, or
   * its miles at the configured value where no revenue is known, in float8 (exact to the cent at
   * these sizes, and several times faster to sum than numeric). The repeat days' mean needs the
   * first day's value: the smallest of (days since 1900) · 10¹³ + (value in cents + 5 · 10¹²)
   * carries it with the first date, one bigint per row (values within ±50 billion a day). The first
   * day in the window says when a member's days start to leave it (ADR 0043).
   */
  private static String summary(String where) {
    return """
        select member_number::varchar(10) member_number, first_day first_activity,
               last_day last_activity, (days - 1)::integer repeat_days,
               last_day - first_day last_at_days, window_days::integer frequency,
               round(window_value::numeric, 2)::numeric(16,2) monetary,
               (case when days > 1
                     then round(((total - (first_key %% 10000000000000 - 5000000000000) / 100.0)
                                 / (days - 1))::numeric, 4) end)::numeric(16,4) repeat_mean,
               first_window_day
          from (select d.member_number,
                       min(d.activity_date) first_day, max(d.activity_date) last_day,
                       count(*) days,
                       count(*) filter (where d.activity_date > ?) window_days,
                       coalesce(sum(v.value) filter (where d.activity_date > ?), 0) window_value,
                       min(d.activity_date) filter (where d.activity_date > ?) first_window_day,
                       sum(v.value) total,
                       min((d.activity_date - date '1900-01-01') * 10000000000000::bigint
                           + round(v.value * 100)::bigint + 5000000000000) first_key
                  from retention.member_day d
                 cross join lateral (select case when d.revenue > 0 then d.revenue::float8
                                                 else d.miles_earned * ?::float8 end value) v
                 where d.activity_date <= ? %s
                 group by d.member_number) s"""
        .formatted(where);
  }

  /** Binds {@link #summary}'s parameters; returns the next parameter's index. */
  private static int bindSummary(
      PreparedStatement ps, ScoringScope scope, LocalDate windowStart, BigDecimal mileValue)
      throws SQLException {
    Date start = Date.valueOf(windowStart);
    ps.setDate(1, start);
    ps.setDate(2, start);
    ps.setDate(3, start);
    ps.setBigDecimal(4, mileValue);
    ps.setDate(5, Date.valueOf(scope.asOf()));
    return 6;
  }

  @Override
  public long summarise(ScoringScope scope, LocalDate windowStart, BigDecimal mileValue) {
    tune();
    jdbc.update(
        "empty the scoring scratch tables",
        "truncate retention.score_model, retention.score_extra",
        (c, ps) -> {});
    jdbc.update(
        "drop the last quintiles", "drop table if exists retention.score_quintile", (c, ps) -> {});
    long started = System.nanoTime();
    boolean kept = scope.cohort() == null && keptSummaryServes(scope, windowStart, mileValue);
    // a whole summary's statement counts its members; a kept one is counted once brought up to date
    long again;
    long members;
    if (kept) {
      again = summariseChanged(scope, windowStart, mileValue);
      members =
          jdbc.first(
                  "count the members summarised",
                  "select count(*) from retention.score_summary",
                  (c, ps) -> {},
                  rs -> rs.getLong(1))
              .orElse(0L);
    } else {
      again = 0;
      members = summariseAll(scope, windowStart, mileValue);
    }
    analyze("retention.score_summary");
    long ms = (System.nanoTime() - started) / 1_000_000;
    LOG.info(
        () ->
            kept
                ? "retention summary as of %s: kept, %d members summarised again, %d in all, %d ms"
                    .formatted(scope.asOf(), again, members, ms)
                : "retention summary as of %s%s: whole, %d members, %d ms"
                    .formatted(
                        scope.asOf(),
                        scope.cohort() == null ? "" : " (cohort " + scope.cohort() + ")",
                        members,
                        ms));
    return members;
  }

  /**
   * Whether the kept summary can be brought to {@code scope}'s date by summarising again only the
   * members in the change rows and those whose days leave the window: it is usable (no rebuild,
   * cohort or earlier run since), for this date or an earlier one, a window that started no later
   * and the same mile value, not empty (a crash empties it: it is unlogged), and the change rows
   * are fewer than a tenth of its members (beyond that, the parallel aggregate of every day costs
   * about what summarising so many again does).
   */
  private boolean keptSummaryServes(ScoringScope scope, LocalDate windowStart, BigDecimal value) {
    Optional<Long> kept =
        jdbc.first(
            "find the kept summary",
            "select greatest(reltuples, 0)::bigint from pg_class"
                + " where oid = to_regclass('retention.score_summary')",
            (c, ps) -> {},
            rs -> rs.getLong(1));
    if (kept.isEmpty()) {
      return false;
    }
    long cap = Math.max(1, kept.get() / 10);
    return jdbc.first(
            "ask whether the kept summary serves",
            """
            select usable and as_of <= ? and window_start <= ? and mile_value = ?
                   and exists (select 1 from retention.score_summary)
                   and (select count(*) from (select 1 from retention.summary_change limit ?) c) < ?
              from retention.summary_state""",
            (c, ps) -> {
              ps.setDate(1, Date.valueOf(scope.asOf()));
              ps.setDate(2, Date.valueOf(windowStart));
              ps.setBigDecimal(3, value);
              ps.setLong(4, cap);
              ps.setLong(5, cap);
            },
            rs -> rs.getBoolean(1))
        .orElse(false);
  }

  /**
   * The whole summary again: made by CREATE TABLE AS, not INSERT … SELECT, since PostgreSQL
   * aggregates in parallel for the first only (ADR 0039). For the whole base, the change rows up to
   * the date are taken out first (whatever they name is read by the aggregate, whose snapshot is
   * later) and the kept summary is usable afterwards unless an earlier run took out rows for days
   * after this date; a cohort's summary is not the base's, so it leaves the kept summary unusable.
   */
  private long summariseAll(ScoringScope scope, LocalDate windowStart, BigDecimal mileValue) {
    Date asOf = Date.valueOf(scope.asOf());
    if (scope.cohort() == null) {
      jdbc.update(
          "take out the change rows the summary reads",
          "delete from retention.summary_change where activity_date <= ?",
          (c, ps) -> ps.setDate(1, asOf));
    }
    jdbc.update(
        "drop the last summary", "drop table if exists retention.score_summary", (c, ps) -> {});
    long members =
        jdbc.update(
            "summarise the members' activity",
            "create unlogged table retention.score_summary as "
                + summary(scope.cohort() == null ? "" : "and d.member_number like ?"),
            (c, ps) -> {
              int i = bindSummary(ps, scope, windowStart, mileValue);
              if (scope.cohort() != null) {
                ps.setString(i, cohortPattern(scope));
              }
            });
    // no key: every reader scans or hashes the whole summary (one row per member by its GROUP BY),
    // so building one cost a second and a half per million for nothing
    if (scope.cohort() == null) {
      keptAsOf(scope, windowStart, mileValue);
    } else {
      jdbc.update(
          "the kept summary is a cohort's",
          "update retention.summary_state set usable = false, updated_at = now()",
          (c, ps) -> {});
    }
    return members;
  }

  /**
   * The kept summary brought to {@code scope}'s date: the members named by change rows (all of
   * them; those up to the date are taken out, in the same statement, so a row added meanwhile is
   * neither lost nor taken) and the members whose first day in the window is no longer in it are
   * summarised again from their days, their old rows replaced (ADR 0043).
   */
  private long summariseChanged(ScoringScope scope, LocalDate windowStart, BigDecimal mileValue) {
    Date asOf = Date.valueOf(scope.asOf());
    jdbc.update(
        "make room for the members to summarise again",
        "create temporary table summary_redo (member_number varchar(10) primary key)"
            + " on commit drop",
        (c, ps) -> {});
    long again =
        jdbc.update(
            "find the members to summarise again",
            """
        with taken as (delete from retention.summary_change where activity_date <= ?)
        insert into summary_redo
        select member_number from retention.summary_change
         union
        select member_number from retention.score_summary where first_window_day <= ?""",
            (c, ps) -> {
              ps.setDate(1, asOf);
              ps.setDate(2, Date.valueOf(windowStart));
            });
    analyze("summary_redo");
    jdbc.update(
        "drop their old summary",
        "delete from retention.score_summary s using summary_redo r"
            + " where s.member_number = r.member_number",
        (c, ps) -> {});
    // a join the planner chooses: it hashed the members against one scan of the days (2.3 s for
    // 36,900 of a million in the benchmark's night); reading each member's days by the key (a
    // lateral subquery with offset 0) took 3.1 s there, though 2.2 s against 3.0 in a warm psql
    jdbc.update(
        "summarise them again",
        "insert into retention.score_summary "
            + summary("and d.member_number in (select member_number from summary_redo)"),
        (c, ps) -> bindSummary(ps, scope, windowStart, mileValue));
    keptAsOf(scope, windowStart, mileValue);
    return again;
  }

  /**
   * Records what the kept summary of the whole base now holds. It is usable unless a run for a
   * later date has taken out change rows this date's summary will need (rows of days after this
   * date, taken out by that run).
   */
  private void keptAsOf(ScoringScope scope, LocalDate windowStart, BigDecimal mileValue) {
    jdbc.update(
        "record what the kept summary holds",
        """
        update retention.summary_state
           set usable = (consumed_through is null or consumed_through <= ?), as_of = ?,
               window_start = ?, mile_value = ?, consumed_through = greatest(consumed_through, ?),
               updated_at = now()""",
        (c, ps) -> {
          Date asOf = Date.valueOf(scope.asOf());
          ps.setDate(1, asOf);
          ps.setDate(2, asOf);
          ps.setDate(3, Date.valueOf(windowStart));
          ps.setBigDecimal(4, mileValue);
          ps.setDate(5, asOf);
        });
  }

  @Override
  public void rank() {
    tune();
    // ties go by member number compared byte by byte (COLLATE "C": the database's own collation
    // compares strings through the C library, a fifth slower over three sorts of a million; for
    // member numbers, all digits, the order is the same). Sorting only these columns, joined back
    // by member in publish, is cheaper than sorting whole summary rows three times
    jdbc.update(
        "rank the members into quintiles",
        """
        create unlogged table retention.score_quintile as
        select member_number,
               ntile(5) over (order by last_activity, member_number collate "C" desc) r,
               ntile(5) over (order by frequency, member_number collate "C") f,
               ntile(5) over (order by monetary, member_number collate "C") m
          from retention.score_summary""",
        (c, ps) -> {});
    analyze("retention.score_quintile");
  }

  private void analyze(String table) {
    jdbc.update("analyse " + table, "analyze " + table, (c, ps) -> {});
  }

  @Override
  public List<DayHistory> histories(LocalDate asOf) {
    // the kept summary has the first day, not the age, which every day changes (ADR 0043)
    return jdbc.list(
        "read the distinct histories",
        """
        select repeat_days, last_at_days, ?::date - first_activity, count(*)
          from retention.score_summary group by repeat_days, last_at_days, first_activity""",
        (c, ps) -> ps.setDate(1, Date.valueOf(asOf)),
        rs -> new DayHistory(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getLong(4)));
  }

  /**
   * Means to four significant digits (a relative error of at most 0.05%, nothing against the spread
   * of values between members): a million members make tens of thousands of rows, not a million,
   * and the fit walks them a thousand times.
   */
  @Override
  public List<SpendCounts.Counted> spends() {
    return jdbc.list(
        "read the repeat spends",
        """
        select repeat_days, round(repeat_mean / 10 ^ e) * 10 ^ e mean, count(*)
          from (select repeat_days, repeat_mean::float8 repeat_mean,
                       floor(log(repeat_mean::float8)) - 3 e
                  from retention.score_summary
                 where repeat_days > 0 and repeat_mean > 0) s
         group by repeat_days, mean""",
        (c, ps) -> {},
        rs ->
            new SpendCounts.Counted(
                new GammaGamma.Spend(rs.getInt(1), rs.getDouble(2)), rs.getLong(3)));
  }

  @Override
  public Optional<Map<String, Double>> latestFit(String kind, String cohort) {
    return jdbc.first(
        "read the latest fit",
        """
        select parameters from retention.model_fit
         where kind = ? and cohort is not distinct from ?
         order by fit_id desc limit 1""",
        (c, ps) -> {
          ps.setString(1, kind);
          ps.setString(2, cohort);
        },
        rs -> JdbcScoreQueries.parameters(rs.getString(1)));
  }

  @Override
  public void saveFit(
      long run,
      ScoringScope scope,
      String kind,
      Map<String, Double> parameters,
      double logLikelihood,
      long members,
      long rows,
      long durationMs) {
    String json =
        new TreeMap<>(parameters)
            .entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    jdbc.update(
        "store a model fit",
        """
        insert into retention.model_fit (run_id, kind, parameters, log_likelihood, members,
               distinct_rows, as_of, cohort, duration_ms)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (c, ps) -> {
          ps.setLong(1, run);
          ps.setString(2, kind);
          ps.setString(3, json);
          ps.setDouble(4, logLikelihood);
          ps.setLong(5, members);
          ps.setLong(6, rows);
          ps.setDate(7, Date.valueOf(scope.asOf()));
          ps.setString(8, scope.cohort());
          ps.setLong(9, durationMs);
        });
  }

  @Override
  public void writeHistoryScores(List<HistoryScore> rows) {
    for (int from = 0; from < rows.size(); from += BATCH) {
      List<HistoryScore> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
      Object[][] cols =
          Jdbc.columns(
              batch,
              8,
              h ->
                  new Object[] {
                    h.repeats(),
                    h.lastAtDays(),
                    h.ageDays(),
                    h.pAlive(),
                    h.expectedDays(),
                    h.discounted(),
                    h.pAliveReason(),
                    h.gapReason()
                  });
      jdbc.update(
          "write scored histories",
          "insert into retention.score_model (repeat_days, last_at_days, age_days, p_alive,"
              + " expected_days, discounted, p_alive_reason, gap_reason) select * from unnest("
              + Jdbc.unnestParameters(HISTORY_TYPES)
              + ")",
          Jdbc.arrays(cols, HISTORY_TYPES));
    }
  }

  @Override
  public void writeTiers(List<MemberExtra> rows) {
    writeExtras(
        rows,
        "on conflict (member_number) do update set tier_code = excluded.tier_code,"
            + " tier_reason = excluded.tier_reason");
  }

  @Override
  public void writeExpiry(List<MemberExtra> rows) {
    writeExtras(
        rows, "on conflict (member_number) do update set expiry_reason = excluded.expiry_reason");
  }

  private void writeExtras(List<MemberExtra> rows, String onConflict) {
    for (int from = 0; from < rows.size(); from += BATCH) {
      List<MemberExtra> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
      Object[][] cols =
          Jdbc.columns(
              batch,
              4,
              e -> new Object[] {e.member(), e.tierCode(), e.tierReason(), e.expiryReason()});
      jdbc.update(
          "write what other modules say about members",
          "insert into retention.score_extra (member_number, tier_code, tier_reason, expiry_reason)"
              + " select * from unnest("
              + Jdbc.unnestParameters(EXTRA_TYPES)
              + ") "
              + onConflict,
          Jdbc.arrays(cols, EXTRA_TYPES));
    }
  }

  @Override
  public long computeScores(
      long run,
      ScoringScope scope,
      GammaGamma values,
      double fallbackValue,
      RfmSegments segments,
      String baseTier) {
    if (scope.cohort() != null) {
      // a cohort is summarised and fitted only (the CDNOW check): its scores would replace the
      // whole base's
      throw new IllegalArgumentException("scores are published for the whole base, not " + scope);
    }
    tune();
    analyze("retention.score_model");
    analyze("retention.score_extra");
    StringBuilder segment = new StringBuilder("case");
    List<Object> segmentBinds = new ArrayList<>();
    for (RfmSegments.Rule rule : segments.rules()) {
      segment.append(" when r between ? and ? and (f + m + 1) / 2 between ? and ? then ?::varchar");
      segmentBinds.addAll(
          List.of(rule.rFrom(), rule.rTo(), rule.fmFrom(), rule.fmTo(), rule.segment()));
    }
    segment.append(" end");
    String value =
        values == null
            ? "?::float8"
            : "case when s.repeat_days > 0 and s.repeat_mean > 0 then ?::float8 * (?::float8 +"
                + " s.repeat_days * s.repeat_mean::float8) / (?::float8 * s.repeat_days + ?::float8"
                + " - 1) else ?::float8 end";
    // the new scores go into a table of their own, made by CREATE TABLE AS (its joins run in
    // parallel; INSERT … SELECT runs on one core), prepared, then put in the old table's place.
    // Reasons travel as flags: their sentences are read again, for the members at risk only, by
    // the reasons' statement (ADR 0042, 0044)
    String sql =
        """
        create table %s as
        select s.member_number::varchar(10) member_number, ?::bigint run_id, ?::date as_of,
               s.first_activity, s.last_activity, (?::date - s.last_activity)::integer recency_days,
               s.frequency, s.monetary, q.r::smallint r_score, q.f::smallint f_score,
               q.m::smallint m_score, (%s)::varchar(30) segment, s.repeat_days, m.p_alive,
               m.expected_days expected_days_12m,
               round(v.value::numeric, 2)::numeric(14,2) expected_value,
               round((v.value * m.discounted)::numeric, 2)::numeric(16,2) clv,
               coalesce(e.tier_code, case when s.member_number ~ '^[0-9]{10}$' then ?::varchar end)
                 ::varchar(20) tier_code,
               m.p_alive_low or m.gap or e.tier_reason is not null
                 or e.expiry_reason is not null churn_risk,
               concat_ws(',', case when m.p_alive_low then 'P_ALIVE_LOW' end,
                              case when m.gap then 'RECENCY_GAP' end,
                              case when e.tier_reason is not null then 'TIER_AT_RISK' end,
                              case when e.expiry_reason is not null then 'MILES_EXPIRING' end)
                 ::varchar(100) churn_codes,
               now() scored_at
          from retention.score_summary s
          join retention.score_quintile q on q.member_number = s.member_number
          join (select repeat_days, last_at_days, age_days, p_alive, expected_days, discounted,
                       p_alive_reason is not null p_alive_low, gap_reason is not null gap
                  from retention.score_model) m
            on m.repeat_days = s.repeat_days and m.last_at_days = s.last_at_days
           and m.age_days = ?::date - s.first_activity
          left join retention.score_extra e on e.member_number = s.member_number
         cross join lateral (select %s as value) v"""
            .formatted(NEW_SCORES, segment, value);
    Date asOf = Date.valueOf(scope.asOf());
    jdbc.update(
        "drop what an earlier run left behind",
        "drop table if exists " + NEW_SCORES + ", " + NEW_REASONS + ", " + CHANGES,
        (c, ps) -> {});
    long scored =
        jdbc.update(
            "compute the members' scores",
            sql,
            (c, ps) -> {
              int i = 1;
              ps.setLong(i++, run);
              ps.setDate(i++, asOf);
              ps.setDate(i++, asOf);
              for (Object bind : segmentBinds) {
                ps.setObject(i++, bind);
              }
              ps.setString(i++, baseTier);
              ps.setDate(i++, asOf);
              if (values != null) {
                ps.setDouble(i++, values.p());
                ps.setDouble(i++, values.gamma());
                ps.setDouble(i++, values.p());
                ps.setDouble(i++, values.q());
              }
              setDouble(ps, i, fallbackValue);
            });
    sameColumns(NEW_SCORES, SCORES);
    notNullAsIn(SCORES, NEW_SCORES);
    return scored;
  }

  /**
   * The new scores' indexes (the old table's, from their own definitions), the churn reasons of the
   * members at risk in a new table with its indexes, the segment changes against the scores in
   * place, and the new scores' statistics: each independent of the others (ADR 0044). Index builds
   * take a lock that lets others build and read, so they run side by side; the statistics, last,
   * wait for the builds.
   */
  @Override
  public List<Runnable> preparations(long run) {
    List<Runnable> steps = new ArrayList<>();
    steps.add(
        () -> {
          tune();
          collectReasons(run);
        });
    steps.add(
        () -> {
          tune();
          collectChanges();
        });
    for (Index i : indexes(SCORES)) {
      steps.add(
          () -> {
            tune();
            build(NEW_SCORES, i);
          });
    }
    steps.add(() -> analyze(NEW_SCORES));
    return steps;
  }

  /**
   * The members at risk spread into their reasons, in a table of their own with the reasons'
   * table's columns, not-null columns and indexes: the sentences of their scored history (found
   * again by its key: repeats, days from first to last activity and to the run's date; only
   * histories with a reason are hashed) and what tiers and redemption said.
   */
  private void collectReasons(long run) {
    jdbc.update(
        "collect the churn reasons",
        """
        create table %s as
        select r.member_number::varchar(10) member_number, v.code::varchar(20) code,
               v.reason::varchar(300) reason
          from (select n.member_number, m.p_alive_reason, m.gap_reason, e.tier_reason,
                       e.expiry_reason
                  from %s n
                  left join (select * from retention.score_model
                              where p_alive_reason is not null or gap_reason is not null) m
                    on m.repeat_days = n.repeat_days
                   and m.last_at_days = n.last_activity - n.first_activity
                   and m.age_days = n.as_of - n.first_activity
                  left join retention.score_extra e on e.member_number = n.member_number
                 where n.run_id = ? and n.churn_risk) r
         cross join lateral (values ('P_ALIVE_LOW', r.p_alive_reason),
                                    ('RECENCY_GAP', r.gap_reason),
                                    ('TIER_AT_RISK', r.tier_reason),
                                    ('MILES_EXPIRING', r.expiry_reason)) v (code, reason)
         where v.reason is not null"""
            .formatted(NEW_REASONS, NEW_SCORES),
        (c, ps) -> ps.setLong(1, run));
    sameColumns(NEW_REASONS, REASONS);
    notNullAsIn(REASONS, NEW_REASONS);
    for (Index i : indexes(REASONS)) {
      build(NEW_REASONS, i);
    }
  }

  /** The members whose segment the new scores change (or give: no old score), unlogged. */
  private void collectChanges() {
    jdbc.update(
        "collect the segment changes",
        """
        create unlogged table %s as
        select n.member_number, n.run_id, n.as_of changed_on, o.segment from_segment,
               n.segment to_segment
          from %s n
          left join %s o on o.member_number = n.member_number
         where o.segment is distinct from n.segment"""
            .formatted(CHANGES, NEW_SCORES, SCORES),
        (c, ps) -> {});
  }

  @Override
  public Published swapScores(long run, long scored) {
    tune();
    long[] changes =
        jdbc.first(
                "record segment changes",
                """
                with changed as (
                  insert into retention.segment_history
                         (member_number, run_id, changed_on, from_segment, to_segment, changed_at)
                  select member_number, run_id, changed_on, from_segment, to_segment, now()
                    from %s order by member_number
                  returning from_segment)
                select count(*), count(from_segment) from changed"""
                    .formatted(CHANGES),
                (c, ps) -> {},
                rs -> new long[] {rs.getLong(1), rs.getLong(2)})
            .orElseThrow();
    long atRisk =
        jdbc.first(
                "count the members at risk",
                "select count(*) from " + NEW_SCORES + " where run_id = ? and churn_risk",
                (c, ps) -> ps.setLong(1, run),
                rs -> rs.getLong(1))
            .orElse(0L);
    jdbc.update("drop the segment changes", "drop table " + CHANGES, (c, ps) -> {});
    // readers of the scores or reasons wait from here to the commit, and then read the new tables
    putInPlace(NEW_SCORES, SCORES);
    putInPlace(NEW_REASONS, REASONS);
    return new Published(scored, atRisk, changes[1]);
  }

  /** The LIKE pattern of the cohort's member numbers, its own % and _ taken literally. */
  private static String cohortPattern(ScoringScope scope) {
    return scope.cohort().replace("%", "\\%").replace("_", "\\_") + "%";
  }

  /**
   * An index of a table: its name (without the schema), its constraint's name if it is one, and its
   * definition (the constraint's, or CREATE INDEX).
   */
  private record Index(String name, String constraint, String definition) {}

  /** What a new table's indexes and constraints are called until it takes the old one's place. */
  private static final String NEW = "_next";

  private List<Index> indexes(String table) {
    return jdbc.list(
        "read the indexes of " + table,
        """
        select x.relname, c.conname,
               coalesce(pg_get_constraintdef(c.oid), pg_get_indexdef(i.indexrelid))
          from pg_index i
          join pg_class x on x.oid = i.indexrelid
          left join pg_constraint c on c.conindid = i.indexrelid and c.conrelid = i.indrelid
         where i.indrelid = ?::regclass
         order by x.relname""",
        (c, ps) -> ps.setString(1, table),
        rs -> new Index(rs.getString(1), rs.getString(2), rs.getString(3)));
  }

  /**
   * Builds {@code index}, read from the definition of the table {@code next} replaces, on {@code
   * next}, under its name with {@link #NEW} appended (the old table's index still has the name): a
   * constraint by its own definition, an index by its method, columns and predicate.
   */
  private void build(String next, Index index) {
    String name = index.constraint() == null ? index.name() : index.constraint();
    if (name.length() + NEW.length() > 63) {
      throw new IllegalStateException("the name " + name + " is too long to build it again");
    }
    String sql =
        index.constraint() != null
            ? "alter table " + next + " add constraint " + name + NEW + " " + shape(index)
            : (index.definition().startsWith("CREATE UNIQUE INDEX ")
                    ? "create unique index "
                    : "create index ")
                + name
                + NEW
                + " on "
                + next
                + shape(index);
    jdbc.update("build an index of " + next, sql, (c, ps) -> {});
  }

  /** Gives {@code next} the not-null columns of {@code table}. */
  private void notNullAsIn(String table, String next) {
    List<String> notNull =
        jdbc.list(
            "read the not-null columns of " + table,
            """
            select attname from pg_attribute
             where attrelid = ?::regclass and attnum > 0 and not attisdropped and attnotnull
             order by attnum""",
            (c, ps) -> ps.setString(1, table),
            rs -> rs.getString(1));
    if (!notNull.isEmpty()) {
      jdbc.update(
          "the not-null columns of " + next,
          "alter table "
              + next
              + notNull.stream()
                  .map(n -> " alter column " + n + " set not null")
                  .collect(Collectors.joining(",")),
          (c, ps) -> {});
    }
  }

  /**
   * Puts {@code next} (prepared: columns, not-null columns and indexes as {@code table}'s) in the
   * place of {@code table}: the old table dropped, the new one renamed, its indexes and constraints
   * given the old names. Fails, before dropping anything, unless the new table has an index of each
   * definition the old one has. In the caller's transaction: readers wait for its commit, and then
   * read the new table by its name.
   */
  private void putInPlace(String next, String table) {
    List<Index> old = indexes(table);
    List<Index> built = indexes(next);
    List<String> wanted = old.stream().map(JdbcScoreWork::shape).sorted().toList();
    List<String> made = built.stream().map(JdbcScoreWork::shape).sorted().toList();
    if (!wanted.equals(made)) {
      throw new IllegalStateException(
          next + " does not have the indexes of " + table + ": " + made + " against " + wanted);
    }
    jdbc.update("drop " + table, "drop table " + table, (c, ps) -> {});
    String schema = table.substring(0, table.indexOf('.') + 1);
    jdbc.update(
        "put " + next + " in place",
        "alter table " + next + " rename to " + table.substring(schema.length()),
        (c, ps) -> {});
    for (Index i : built) {
      String sql =
          i.constraint() == null
              ? "alter index " + schema + i.name() + " rename to " + withoutNew(i.name())
              : "alter table "
                  + table
                  + " rename constraint "
                  + i.constraint()
                  + " to "
                  + withoutNew(i.constraint());
      jdbc.update("name an index of " + table, sql, (c, ps) -> {});
    }
  }

  /**
   * An index's definition without its name and table (a constraint's definition has neither; an
   * index's from its method on): what {@link #build} builds from, and how two tables' indexes are
   * compared.
   */
  private static String shape(Index i) {
    String d = i.definition();
    if (i.constraint() != null) {
      return d;
    }
    int using = d.indexOf(" USING ");
    if (using < 0) {
      throw new IllegalStateException("cannot read the definition " + d);
    }
    return d.substring(using);
  }

  private static String withoutNew(String name) {
    if (!name.endsWith(NEW)) {
      throw new IllegalStateException("the index " + name + " was not built by the run");
    }
    return name.substring(0, name.length() - NEW.length());
  }

  /**
   * Fails unless {@code made} has the columns of {@code table}, by name, type and order: the new
   * scores' table is made by the run's statement, and replaces the one the migrations define.
   */
  private void sameColumns(String made, String table) {
    String columns =
        """
        select string_agg(attname || ' ' || format_type(atttypid, atttypmod), ', ' order by attnum)
          from pg_attribute where attrelid = ?::regclass and attnum > 0 and not attisdropped""";
    List<String> both = new ArrayList<>();
    for (String t : List.of(made, table)) {
      both.add(
          jdbc.first(
                  "read the columns of " + t,
                  columns,
                  (c, ps) -> ps.setString(1, t),
                  rs -> rs.getString(1))
              .orElseThrow());
    }
    if (!both.get(0).equals(both.get(1))) {
      throw new IllegalStateException(
          "the scoring run's new scores do not have the columns of "
              + table
              + " (change JdbcScoreWork.publish with the migration): made "
              + both.get(0)
              + "; defined "
              + both.get(1));
    }
  }

  private static void setDouble(PreparedStatement ps, int i, double v) throws SQLException {
    if (Double.isFinite(v)) {
      ps.setDouble(i, v);
    } else {
      ps.setNull(i, Types.DOUBLE);
    }
  }
}
