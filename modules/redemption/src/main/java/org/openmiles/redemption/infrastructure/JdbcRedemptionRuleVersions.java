package org.openmiles.redemption.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.program.api.Simulation.Group;
import org.openmiles.redemption.api.Cabin;
import org.openmiles.redemption.api.Journey;
import org.openmiles.redemption.domain.AwardChart;
import org.openmiles.redemption.domain.RedemptionRuleKeys;
import org.openmiles.redemption.domain.RedemptionRuleKeys.ChartKey;
import org.openmiles.redemption.domain.RedemptionRuleVersion.ExtensionPackage;
import org.openmiles.redemption.domain.RedemptionRuleVersion.Peak;
import org.openmiles.redemption.domain.RedemptionRuleVersions;

/**
 * Versions of the redemption rules in {@code redemption.award_chart}, {@code award_zone_country},
 * {@code peak_calendar} with its {@code peak_period} rows, and {@code extension_package}, by JDBC.
 * Inserts only: a written version is never updated.
 */
@ApplicationScoped
public class JdbcRedemptionRuleVersions implements RedemptionRuleVersions {
  @Inject Jdbc jdbc;

  @Override
  public List<String> routeGroups() {
    return codes("read the route groups", "select code from redemption.route_group order by code");
  }

  @Override
  public List<String> zones() {
    return codes("read the award zones", "select code from redemption.award_zone order by code");
  }

  private List<String> codes(String what, String sql) {
    return jdbc.list(what, sql, (c, ps) -> {}, rs -> rs.getString(1));
  }

  @Override
  public List<Cell> chart(String routeGroup) {
    return jdbc.list(
        "read the award chart of " + routeGroup,
        """
        select cabin, season, journey, miles, effective_from, effective_to, change_id
          from redemption.award_chart where route_group_code = ? order by effective_from""",
        (c, ps) -> ps.setString(1, routeGroup),
        rs ->
            new Cell(
                new ChartKey(
                    routeGroup,
                    Cabin.valueOf(rs.getString("cabin")),
                    AwardChart.Season.valueOf(rs.getString("season")),
                    Journey.valueOf(rs.getString("journey"))),
                written(rs, rs.getLong("miles"))));
  }

  @Override
  public boolean addChartMiles(ChartKey key, LocalDate from, long miles, long change) {
    return jdbc.update(
            "add a version of the award chart cell " + key,
            """
            insert into redemption.award_chart (route_group_code, cabin, season, journey,
                   effective_from, miles, change_id)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (route_group_code, cabin, season, journey, effective_from) do nothing""",
            (c, ps) -> {
              ps.setString(1, key.routeGroup());
              ps.setString(2, key.cabin().name());
              ps.setString(3, key.season().name());
              ps.setString(4, key.journey().name());
              ps.setDate(5, Date.valueOf(from));
              ps.setInt(6, Math.toIntExact(miles));
              ps.setLong(7, change);
            })
        == 1;
  }

  @Override
  public List<Written<String>> zoneOf(String country) {
    return jdbc.list(
        "read the award zones of " + country,
        """
        select zone_code, effective_from, effective_to, change_id
          from redemption.award_zone_country where country = ? order by effective_from""",
        (c, ps) -> ps.setString(1, country),
        rs -> written(rs, rs.getString("zone_code")));
  }

  @Override
  public boolean addZoneOf(String country, LocalDate from, String zone, long change) {
    return jdbc.update(
            "add a version of the award zone of " + country,
            """
            insert into redemption.award_zone_country (country, effective_from, zone_code,
                   change_id)
            values (?, ?, ?, ?)
            on conflict (country, effective_from) do nothing""",
            (c, ps) -> {
              ps.setString(1, country);
              ps.setDate(2, Date.valueOf(from));
              ps.setString(3, zone);
              ps.setLong(4, change);
            })
        == 1;
  }

  @Override
  public List<Written<List<Peak>>> peaks(String scope) {
    Map<LocalDate, Long> changes = new LinkedHashMap<>();
    jdbc.list(
        "read the peak calendar versions of " + scope,
        """
        select version_from, change_id from redemption.peak_calendar
         where scope = ? order by version_from""",
        (c, ps) -> ps.setString(1, scope),
        rs ->
            changes.put(
                rs.getDate("version_from").toLocalDate(), Jdbc.longOrNull(rs, "change_id")));
    Map<LocalDate, List<Peak>> ranges = new LinkedHashMap<>();
    changes.keySet().forEach(d -> ranges.put(d, new ArrayList<>()));
    jdbc.list(
        "read the peak ranges of " + scope,
        """
        select version_from, name, first_day, last_day from redemption.peak_period
         where scope = ? order by version_from, first_day, last_day, id""",
        (c, ps) -> ps.setString(1, scope),
        rs ->
            ranges
                .get(rs.getDate("version_from").toLocalDate())
                .add(
                    new Peak(
                        rs.getString("name"),
                        rs.getDate("first_day").toLocalDate(),
                        rs.getDate("last_day").toLocalDate())));
    List<Written<List<Peak>>> versions = new ArrayList<>();
    changes.forEach(
        (from, change) ->
            versions.add(new Written<>(List.copyOf(ranges.get(from)), from, null, change)));
    return versions;
  }

  /**
   * The version's header first, {@code on conflict do nothing}: of two approvals racing for one
   * scope and date, the second writes nothing and is refused.
   */
  @Override
  public boolean addPeaks(String scope, LocalDate from, List<Peak> peaks, long change) {
    int added =
        jdbc.update(
            "add a version of the peak calendar of " + scope,
            """
            insert into redemption.peak_calendar (scope, version_from, change_id) values (?, ?, ?)
            on conflict (scope, version_from) do nothing""",
            (c, ps) -> {
              ps.setString(1, scope);
              ps.setDate(2, Date.valueOf(from));
              ps.setLong(3, change);
            });
    if (added != 1) {
      return false;
    }
    for (Peak p : peaks) {
      jdbc.update(
          "add a peak range to the calendar of " + scope,
          """
          insert into redemption.peak_period (name, route_group_code, first_day, last_day, scope,
                 version_from)
          values (?, ?, ?, ?, ?, ?)""",
          (c, ps) -> {
            ps.setString(1, p.name());
            ps.setString(2, RedemptionRuleKeys.ALL.equals(scope) ? null : scope);
            ps.setDate(3, Date.valueOf(p.firstDay()));
            ps.setDate(4, Date.valueOf(p.lastDay()));
            ps.setString(5, scope);
            ps.setDate(6, Date.valueOf(from));
          });
    }
    return true;
  }

  @Override
  public List<Written<ExtensionPackage>> extensionPackage(String code) {
    return jdbc.list(
        "read the versions of extension package " + code,
        """
        select miles, months, price, currency, effective_from, effective_to, change_id
          from redemption.extension_package where code = ? order by effective_from""",
        (c, ps) -> ps.setString(1, code),
        rs ->
            written(
                rs,
                new ExtensionPackage(
                    rs.getLong("miles"),
                    rs.getInt("months"),
                    rs.getBigDecimal("price"),
                    rs.getString("currency"))));
  }

  @Override
  public boolean addExtensionPackage(String code, LocalDate from, ExtensionPackage p, long change) {
    return jdbc.update(
            "add a version of extension package " + code,
            """
            insert into redemption.extension_package (code, effective_from, miles, months, price,
                   currency, change_id)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (code, effective_from) do nothing""",
            (c, ps) -> {
              ps.setString(1, code);
              ps.setDate(2, Date.valueOf(from));
              ps.setInt(3, Math.toIntExact(p.miles()));
              ps.setInt(4, p.months());
              ps.setBigDecimal(5, p.price());
              ps.setString(6, p.currency());
              ps.setLong(7, change);
            })
        == 1;
  }

  /**
   * Per priced part of the key's cell: the miles charged per passenger, and the cell's price in
   * force on the award's outbound date as pricing reads it ({@code chartOn(outbound)}: the greatest
   * effective_from on or before the date, if not ended); then per member (members, members
   * affected) and per month of issue, as rows {@code total} then {@code month}.
   */
  private static final String REPLAY_CHART =
      """
      with src as (
        select a.member_number, a.issued_at, a.passengers, pt.miles as charged,
               (select c.miles from redemption.award_chart c
                 where c.route_group_code = a.route_group_code and c.cabin = a.cabin
                   and c.season = pt.season and c.journey = pt.journey
                   and c.effective_from = (
                         select max(x.effective_from) from redemption.award_chart x
                          where x.route_group_code = c.route_group_code and x.cabin = c.cabin
                            and x.season = c.season and x.journey = c.journey
                            and x.effective_from <= a.outbound)
                   and (c.effective_to is null or a.outbound < c.effective_to)) as in_force
          from redemption.award a
          join redemption.award_part pt on pt.award_id = a.id
         where a.route_group_code = ? and a.cabin = ? and pt.season = ? and pt.journey = ?
           and a.issued_at >= ? and a.issued_at < ?
      ), rated as (
        select member_number, to_char(issued_at at time zone cast(? as text), 'YYYY-MM') as month,
               charged * passengers as before, ?::bigint * passengers as after,
               case when charged = in_force then 1 else 0 end as replayed
          from src
      ), per_member as (
        select member_number, sum(before) as b, sum(after) as a from rated group by member_number
      )
      select 'total' as dimension, '' as value, count(*) as records,
             coalesce(sum(replayed), 0)::bigint as replayed,
             coalesce(sum(before), 0)::bigint as before, coalesce(sum(after), 0)::bigint as after,
             (select count(*) from per_member) as members,
             (select count(*) from per_member where a <> b) as affected
        from rated
      union all
      select 'month', month, count(*), sum(replayed)::bigint, sum(before)::bigint,
             sum(after)::bigint, 0, 0
        from rated group by month
      order by 1 desc, 2""";

  @Override
  public Replay replayChart(ChartKey key, long miles, Instant from, Instant to, ZoneId zone) {
    List<Object[]> rows =
        jdbc.list(
            "replay the award chart cell " + key,
            REPLAY_CHART,
            (c, ps) -> {
              ps.setString(1, key.routeGroup());
              ps.setString(2, key.cabin().name());
              ps.setString(3, key.season().name());
              ps.setString(4, key.journey().name());
              ps.setTimestamp(5, Timestamp.from(from));
              ps.setTimestamp(6, Timestamp.from(to));
              ps.setString(7, zone.getId());
              ps.setLong(8, miles);
            },
            rs ->
                new Object[] {
                  rs.getString("dimension"),
                  rs.getString("value"),
                  rs.getLong("records"),
                  rs.getLong("replayed"),
                  rs.getLong("before"),
                  rs.getLong("after"),
                  rs.getLong("members"),
                  rs.getLong("affected")
                });
    Object[] t = rows.get(0);
    List<Group> months =
        rows.subList(1, rows.size()).stream()
            .map(r -> new Group("month", (String) r[1], (long) r[2], (long) r[4], (long) r[5]))
            .toList();
    return new Replay(
        (long) t[2], (long) t[3], (long) t[6], (long) t[7], (long) t[4], (long) t[5], months);
  }

  /** A version of an effective-dated row: {@code value} and the row's dates and change. */
  private static <T> Written<T> written(ResultSet rs, T value) throws SQLException {
    return new Written<>(
        value,
        rs.getDate("effective_from").toLocalDate(),
        Jdbc.dateOrNull(rs, "effective_to"),
        Jdbc.longOrNull(rs, "change_id"));
  }
}
