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
import java.util.stream.Collectors;
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
 * The scoring run's steps in PostgreSQL. The summary is one aggregate over {@code member_day}; the
 * distinct histories scored in Java come back in batches through {@code unnest}; the publication is
 * a handful of statements over the scratch tables (ADR 0036).
 */
@ApplicationScoped
public class JdbcScoreWork implements ScoreWork {
  private static final int BATCH = 10_000;

  @Inject Jdbc jdbc;

  @Override
  public long summarise(ScoringScope scope, LocalDate windowStart, BigDecimal mileValue) {
    jdbc.update(
        "empty the scoring scratch tables",
        "truncate retention.score_summary, retention.score_model, retention.score_extra,"
            + " retention.score_result",
        (c, ps) -> {});
    // a day's value is its revenue, or its miles at the configured value where no revenue is
    // known; the value of the first day comes with the first date (the smallest [date, value]
    // pair), so one pass gives the mean of the repeat days the spend model reads
    String sql =
        """
        insert into retention.score_summary (member_number, first_activity, last_activity,
               repeat_days, last_at_days, age_days, frequency, monetary, repeat_mean)
        select member_number, first_day, last_day, days - 1, last_day - first_day,
               ?::date - first_day, window_days, window_value,
               case when days > 1 then (total - first_pair[2]) / (days - 1) end
          from (select d.member_number,
                       min(d.activity_date) first_day, max(d.activity_date) last_day,
                       count(*) days,
                       count(*) filter (where d.activity_date > ?) window_days,
                       coalesce(sum(v.value) filter (where d.activity_date > ?), 0) window_value,
                       sum(v.value) total,
                       min(array[(d.activity_date - date '2000-01-01')::numeric, v.value])
                         first_pair
                  from retention.member_day d
                 cross join lateral (select case when d.revenue > 0 then d.revenue
                                                 else d.miles_earned * ?::numeric end value) v
                 where d.activity_date <= ? %s
                 group by d.member_number) s"""
            .formatted(scope.cohort() == null ? "" : "and d.member_number like ?");
    return jdbc.update(
        "summarise the members' activity",
        sql,
        (c, ps) -> {
          Date asOf = Date.valueOf(scope.asOf());
          ps.setDate(1, asOf);
          ps.setDate(2, Date.valueOf(windowStart));
          ps.setDate(3, Date.valueOf(windowStart));
          ps.setBigDecimal(4, mileValue);
          ps.setDate(5, asOf);
          if (scope.cohort() != null) {
            ps.setString(6, scope.cohort().replace("%", "\\%").replace("_", "\\_") + "%");
          }
        });
  }

  @Override
  public List<DayHistory> histories() {
    return jdbc.list(
        "read the distinct histories",
        """
        select repeat_days, last_at_days, age_days, count(*)
          from retention.score_summary group by repeat_days, last_at_days, age_days""",
        (c, ps) -> {},
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
        select repeat_days, round(repeat_mean, 3 - floor(log(repeat_mean))::int) mean, count(*)
          from retention.score_summary
         where repeat_days > 0 and repeat_mean > 0
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
              + Jdbc.unnestParameters(
                  "int", "int", "int", "float8", "float8", "float8", "varchar", "varchar")
              + ")",
          (c, ps) -> {
            String[] types = {
              "int", "int", "int", "float8", "float8", "float8", "varchar", "varchar"
            };
            for (int k = 0; k < types.length; k++) {
              ps.setArray(k + 1, Jdbc.array(c, types[k], cols[k]));
            }
          });
    }
  }

  @Override
  public List<String> summarisedMembers(String after, int limit) {
    return jdbc.list(
        "page through the summarised members",
        "select member_number from retention.score_summary where member_number > ?"
            + " order by member_number limit ?",
        (c, ps) -> {
          ps.setString(1, after == null ? "" : after);
          ps.setInt(2, limit);
        },
        rs -> rs.getString(1));
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
          "write what other modules say about scored members",
          "insert into retention.score_extra (member_number, tier_code, tier_reason, expiry_reason)"
              + " select u.* from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[])"
              + " u (member_number, tier_code, tier_reason, expiry_reason)"
              + " join retention.score_summary s on s.member_number = u.member_number "
              + onConflict,
          (c, ps) -> {
            for (int k = 0; k < 4; k++) {
              ps.setArray(k + 1, Jdbc.array(c, "varchar", cols[k]));
            }
          });
    }
  }

  @Override
  public Published publish(
      long run, ScoringScope scope, GammaGamma values, double fallbackValue, RfmSegments segments) {
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
    String sql =
        """
        insert into retention.score_result (member_number, first_activity, last_activity,
               recency_days, frequency, monetary, r_score, f_score, m_score, segment, repeat_days,
               p_alive, expected_days_12m, expected_value, clv, tier_code,
               p_alive_reason, gap_reason, tier_reason, expiry_reason)
        select s.member_number, s.first_activity, s.last_activity, ?::date - s.last_activity,
               s.frequency, s.monetary, s.r, s.f, s.m, %s, s.repeat_days,
               m.p_alive, m.expected_days, round(v.value::numeric, 2),
               round((v.value * m.discounted)::numeric, 2), e.tier_code,
               m.p_alive_reason, m.gap_reason, e.tier_reason, e.expiry_reason
          from (select s.*,
                       ntile(5) over (order by s.last_activity, s.member_number desc) r,
                       ntile(5) over (order by s.frequency, s.member_number) f,
                       ntile(5) over (order by s.monetary, s.member_number) m
                  from retention.score_summary s) s
          join retention.score_model m
            on m.repeat_days = s.repeat_days and m.last_at_days = s.last_at_days
           and m.age_days = s.age_days
          left join retention.score_extra e on e.member_number = s.member_number
         cross join lateral (select %s as value) v"""
            .formatted(segment, value);
    jdbc.update(
        "compute the members' scores",
        sql,
        (c, ps) -> {
          int i = 1;
          ps.setDate(i++, Date.valueOf(scope.asOf()));
          for (Object bind : segmentBinds) {
            ps.setObject(i++, bind);
          }
          if (values != null) {
            ps.setDouble(i++, values.p());
            ps.setDouble(i++, values.gamma());
            ps.setDouble(i++, values.p());
            ps.setDouble(i++, values.q());
          }
          setDouble(ps, i, fallbackValue);
        });
    long[] changes =
        jdbc.first(
                "record segment changes",
                """
                with changed as (
                  insert into retention.segment_history
                         (member_number, run_id, changed_on, from_segment, to_segment, changed_at)
                  select r.member_number, ?, ?, o.segment, r.segment, now()
                    from retention.score_result r
                    left join retention.member_score o on o.member_number = r.member_number
                   where o.segment is distinct from r.segment
                  returning from_segment)
                select count(*), count(from_segment) from changed""",
                (c, ps) -> {
                  ps.setLong(1, run);
                  ps.setDate(2, Date.valueOf(scope.asOf()));
                },
                rs -> new long[] {rs.getLong(1), rs.getLong(2)})
            .orElseThrow();
    if (scope.cohort() == null) {
      jdbc.update(
          "replace the scores",
          "truncate retention.member_score, retention.member_churn_reason",
          (c, ps) -> {});
    } else {
      for (String table : List.of("member_score", "member_churn_reason")) {
        jdbc.update(
            "replace the cohort's scores",
            "delete from retention." + table + " where member_number like ?",
            (c, ps) ->
                ps.setString(1, scope.cohort().replace("%", "\\%").replace("_", "\\_") + "%"));
      }
    }
    long scored =
        jdbc.update(
            "store the scores",
            """
            insert into retention.member_score (member_number, run_id, as_of, first_activity,
                   last_activity, recency_days, frequency, monetary, r_score, f_score, m_score,
                   segment, repeat_days, p_alive, expected_days_12m, expected_value, clv,
                   tier_code, churn_risk, churn_codes, scored_at)
            select member_number, ?, ?, first_activity, last_activity, recency_days, frequency,
                   monetary, r_score, f_score, m_score, segment, repeat_days, p_alive,
                   expected_days_12m, expected_value, clv, tier_code,
                   coalesce(p_alive_reason, gap_reason, tier_reason, expiry_reason) is not null,
                   concat_ws(',',
                     case when p_alive_reason is not null then 'P_ALIVE_LOW' end,
                     case when gap_reason is not null then 'RECENCY_GAP' end,
                     case when tier_reason is not null then 'TIER_AT_RISK' end,
                     case when expiry_reason is not null then 'MILES_EXPIRING' end),
                   now()
              from retention.score_result""",
            (c, ps) -> {
              ps.setLong(1, run);
              ps.setDate(2, Date.valueOf(scope.asOf()));
            });
    jdbc.update(
        "store the churn reasons",
        """
        insert into retention.member_churn_reason (member_number, code, reason)
        select r.member_number, v.code, v.reason
          from retention.score_result r
         cross join lateral (values ('P_ALIVE_LOW', r.p_alive_reason),
                                    ('RECENCY_GAP', r.gap_reason),
                                    ('TIER_AT_RISK', r.tier_reason),
                                    ('MILES_EXPIRING', r.expiry_reason)) v (code, reason)
         where v.reason is not null""",
        (c, ps) -> {});
    long atRisk =
        jdbc.first(
                "count the members at risk",
                "select count(*) from retention.score_result"
                    + " where coalesce(p_alive_reason, gap_reason, tier_reason, expiry_reason)"
                    + " is not null",
                (c, ps) -> {},
                rs -> rs.getLong(1))
            .orElse(0L);
    return new Published(scored, atRisk, changes[1]);
  }

  private static void setDouble(PreparedStatement ps, int i, double v) throws SQLException {
    if (Double.isFinite(v)) {
      ps.setDouble(i, v);
    } else {
      ps.setNull(i, Types.DOUBLE);
    }
  }
}
