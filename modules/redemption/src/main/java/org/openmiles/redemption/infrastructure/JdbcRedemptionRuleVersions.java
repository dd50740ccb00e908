package org.openmiles.redemption.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmiles.common.jdbc.Jdbc;
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

  /** A version of an effective-dated row: {@code value} and the row's dates and change. */
  private static <T> Written<T> written(ResultSet rs, T value) throws SQLException {
    return new Written<>(
        value,
        rs.getDate("effective_from").toLocalDate(),
        Jdbc.dateOrNull(rs, "effective_to"),
        Jdbc.longOrNull(rs, "change_id"));
  }
}
