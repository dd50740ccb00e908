package org.openmiles.retention.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.program.api.Simulation.Group;
import org.openmiles.retention.domain.ActionType;
import org.openmiles.retention.domain.CampaignRule;
import org.openmiles.retention.domain.EngagementVersions;
import org.openmiles.retention.domain.LevelVersion;
import org.openmiles.retention.domain.Versioned;

/**
 * Versions of the engagement catalogue, levels and campaign rules in {@code
 * retention.engagement_action_type_version}, {@code engagement_level_version} and {@code
 * campaign_version} (V10), by JDBC; the replay reads {@code retention.engagement_action}.
 */
@ApplicationScoped
public class JdbcEngagementVersions implements EngagementVersions {
  @Inject Jdbc jdbc;

  @Override
  public List<Versioned<ActionType>> actionTypes(String code) {
    return Versioned.chained(
        jdbc.list(
            "read the versions of engagement action type " + code,
            """
            select code, name, points, daily_cap, lifetime_cap, bonus_miles, active,
                   effective_from, change_id
              from retention.engagement_action_type_version where code = ?
             order by effective_from""",
            (c, ps) -> ps.setString(1, code),
            rs -> versioned(rs, JdbcEngagementRepository.type(rs))));
  }

  @Override
  public boolean addActionType(ActionType t, LocalDate from, long change) {
    jdbc.update(
        "register engagement action type " + t.code(),
        """
        insert into retention.engagement_action_type (code) values (?)
        on conflict (code) do nothing""",
        (c, ps) -> ps.setString(1, t.code()));
    return jdbc.update(
            "add a version of engagement action type " + t.code(),
            """
            insert into retention.engagement_action_type_version (code, effective_from, name,
                   points, daily_cap, lifetime_cap, bonus_miles, active, change_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
            (c, ps) -> {
              ps.setString(1, t.code());
              ps.setDate(2, Date.valueOf(from));
              ps.setString(3, t.name());
              ps.setInt(4, t.points());
              setInteger(ps, 5, t.dailyCap());
              setInteger(ps, 6, t.lifetimeCap());
              ps.setLong(7, t.bonusMiles());
              ps.setBoolean(8, t.active());
              ps.setLong(9, change);
            })
        == 1;
  }

  @Override
  public List<Versioned<LevelVersion>> levels() {
    List<Versioned<LevelVersion>> all =
        jdbc.list(
            "read the versions of the engagement levels",
            """
            select v.code, l.level_rank, v.name, v.min_points, v.effective_from, v.change_id
              from retention.engagement_level_version v
              join retention.engagement_level l on l.code = v.code
             order by l.level_rank, v.effective_from""",
            (c, ps) -> {},
            rs ->
                versioned(
                    rs,
                    new LevelVersion(
                        rs.getString("code"),
                        rs.getInt("level_rank"),
                        rs.getString("name"),
                        rs.getLong("min_points"))));
    Map<String, List<Versioned<LevelVersion>>> byCode = new LinkedHashMap<>();
    for (Versioned<LevelVersion> v : all) {
      byCode.computeIfAbsent(v.value().code(), k -> new ArrayList<>()).add(v);
    }
    return byCode.values().stream().flatMap(l -> Versioned.chained(l).stream()).toList();
  }

  @Override
  public boolean addLevel(LevelVersion level, LocalDate from, long change) {
    return jdbc.update(
            "add a version of engagement level " + level.code(),
            """
            insert into retention.engagement_level_version (code, effective_from, name,
                   min_points, change_id)
            values (?, ?, ?, ?, ?) on conflict do nothing""",
            (c, ps) -> {
              ps.setString(1, level.code());
              ps.setDate(2, Date.valueOf(from));
              ps.setString(3, level.name());
              ps.setLong(4, level.minPoints());
              ps.setLong(5, change);
            })
        == 1;
  }

  @Override
  public boolean campaignExists(String code) {
    return jdbc.first(
            "look for campaign " + code,
            "select 1 from retention.campaign where code = ?",
            (c, ps) -> ps.setString(1, code),
            rs -> true)
        .isPresent();
  }

  @Override
  public List<Versioned<CampaignRule>> campaignRules(String code) {
    return Versioned.chained(
        jdbc.list(
            "read the versions of campaign " + code,
            """
            select channel, window_days, lookback_days, offer, active, effective_from, change_id
              from retention.campaign_version where code = ? order by effective_from""",
            (c, ps) -> ps.setString(1, code),
            rs ->
                versioned(
                    rs,
                    new CampaignRule(
                        rs.getString("channel"),
                        (Integer) rs.getObject("window_days"),
                        rs.getInt("lookback_days"),
                        rs.getString("offer"),
                        rs.getBoolean("active")))));
  }

  @Override
  public boolean addCampaignRule(String code, CampaignRule rule, LocalDate from, long change) {
    return jdbc.update(
            "add a version of campaign " + code,
            """
            insert into retention.campaign_version (code, effective_from, channel, window_days,
                   lookback_days, offer, active, change_id)
            values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
            (c, ps) -> {
              ps.setString(1, code);
              ps.setDate(2, Date.valueOf(from));
              ps.setString(3, rule.channel());
              setInteger(ps, 4, rule.windowDays());
              ps.setInt(5, rule.lookbackDays());
              ps.setString(6, rule.offer());
              ps.setBoolean(7, rule.active());
              ps.setLong(8, change);
            })
        == 1;
  }

  /**
   * The replay, one read-only statement. Each member's counted actions of the type are taken in the
   * order they were counted (airline day, then the time counted, then id). Under one version the
   * caps cut a run of equal actions to a closed form: the k-th action of a day brings the day's
   * points to least(k × points, daily cap); the member's points of the type then stand at
   * greatest(before the window, least(before the window + the days' points so far, lifetime cap)),
   * kept from going down; an action earns the step from the previous one. Nothing active: 0.
   */
  private static final String REPLAY =
      """
      with v as (
        select effective_from,
               lead(effective_from) over (order by effective_from) as effective_to,
               points, daily_cap, lifetime_cap, active
          from retention.engagement_action_type_version where code = ?),
      p as (select ?::bigint as points, ?::bigint as daily_cap, ?::bigint as lifetime_cap,
                   ?::boolean as active),
      a as (
        select e.id, e.member_number, e.action_day, e.credited_at, e.points as recorded,
               coalesce(v.points, 0)::bigint as p1, v.daily_cap::bigint as d1,
               v.lifetime_cap::bigint as l1, coalesce(v.active, false) as on1
          from retention.engagement_action e
          left join v on e.action_day >= v.effective_from
                     and (v.effective_to is null or e.action_day < v.effective_to)
         where e.action_type = ? and e.status in ('AWARDED', 'CAPPED')
           and e.action_day between ? and ?),
      prior as (
        select e.member_number, sum(e.points) as t0
          from retention.engagement_action e
         where e.action_type = ? and e.action_day < ?
           and e.member_number in (select member_number from a)
         group by e.member_number),
      ranked as (
        select a.*, coalesce(pr.t0, 0)::bigint as t0,
               row_number() over (partition by a.member_number, a.action_day
                                  order by a.credited_at, a.id) as k,
               count(*) over (partition by a.member_number, a.action_day) as n,
               row_number() over (partition by a.member_number
                                  order by a.action_day, a.credited_at, a.id) as seq
          from a left join prior pr on pr.member_number = a.member_number),
      d as (
        select ranked.*,
               case when on1 then least(n * p1, coalesce(d1, n * p1)) else 0 end as day1,
               case when on1 then least(k * p1, coalesce(d1, k * p1)) else 0 end as sofar1,
               case when p.active then least(n * p.points, coalesce(p.daily_cap, n * p.points))
                    else 0 end as day2,
               case when p.active then least(k * p.points, coalesce(p.daily_cap, k * p.points))
                    else 0 end as sofar2,
               p.lifetime_cap as l2
          from ranked cross join p),
      u as (
        select d.*,
               (sum(case when k = 1 then day1 else 0 end) over w - day1 + sofar1)::bigint as u1,
               (sum(case when k = 1 then day2 else 0 end) over w - day2 + sofar2)::bigint as u2
          from d window w as (partition by member_number order by seq)),
      t as (
        select u.*,
               case when l1 is null then t0 + u1 else greatest(t0, least(t0 + u1, l1)) end as c1,
               case when l2 is null then t0 + u2 else greatest(t0, least(t0 + u2, l2)) end as c2
          from u),
      m as (
        select t.*, max(c1) over w as m1, max(c2) over w as m2
          from t window w as (partition by member_number order by seq)),
      r as (
        select member_number, action_day, recorded,
               m1 - lag(m1, 1, t0) over w as before_points,
               m2 - lag(m2, 1, t0) over w as after_points
          from m window w as (partition by member_number order by seq)),
      mm as (
        select member_number, to_char(action_day, 'YYYY-MM') as month, count(*) as recs,
               count(*) filter (where recorded = before_points) as rep,
               sum(before_points) as b, sum(after_points) as af
          from r group by member_number, to_char(action_day, 'YYYY-MM')),
      pm as (select member_number, sum(b) as b, sum(af) as af from mm group by member_number)
      select null as month, coalesce(sum(recs), 0) as recs, coalesce(sum(rep), 0) as rep,
             (select count(*) from pm) as members,
             (select count(*) from pm where b <> af) as affected,
             coalesce(sum(b), 0) as b, coalesce(sum(af), 0) as af
        from mm
      union all
      select month, sum(recs), sum(rep), count(distinct member_number),
             count(distinct member_number) filter (where b <> af), sum(b), sum(af)
        from mm group by month
      order by month nulls first""";

  @Override
  public Replay replayActions(String code, ActionType proposed, LocalDate from, LocalDate to) {
    record Line(
        String month, long records, long replayed, long members, long affected, long b, long a) {}
    List<Line> lines =
        jdbc.list(
            "replay the engagement actions of " + code,
            REPLAY,
            (c, ps) -> {
              ps.setString(1, code);
              ps.setLong(2, proposed.points());
              setLong(ps, 3, proposed.dailyCap());
              setLong(ps, 4, proposed.lifetimeCap());
              ps.setBoolean(5, proposed.active());
              ps.setString(6, code);
              ps.setDate(7, Date.valueOf(from));
              ps.setDate(8, Date.valueOf(to));
              ps.setString(9, code);
              ps.setDate(10, Date.valueOf(from));
            },
            rs ->
                new Line(
                    rs.getString("month"),
                    rs.getLong("recs"),
                    rs.getLong("rep"),
                    rs.getLong("members"),
                    rs.getLong("affected"),
                    rs.getLong("b"),
                    rs.getLong("af")));
    Line all = lines.get(0);
    List<Group> months =
        lines.stream()
            .skip(1)
            .map(l -> new Group("month", l.month(), l.records(), l.b(), l.a()))
            .toList();
    return new Replay(
        all.records(), all.replayed(), all.members(), all.affected(), all.b(), all.a(), months);
  }

  private static <T> Versioned<T> versioned(ResultSet rs, T value) throws SQLException {
    return new Versioned<>(
        value, rs.getDate("effective_from").toLocalDate(), null, Jdbc.longOrNull(rs, "change_id"));
  }

  private static void setInteger(PreparedStatement ps, int i, Integer value) throws SQLException {
    if (value == null) {
      ps.setNull(i, Types.INTEGER);
    } else {
      ps.setInt(i, value);
    }
  }

  private static void setLong(PreparedStatement ps, int i, Integer value) throws SQLException {
    if (value == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, value);
    }
  }
}
