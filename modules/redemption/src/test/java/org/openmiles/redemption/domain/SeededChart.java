package org.openmiles.redemption.domain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openmiles.redemption.api.Cabin;
import org.openmiles.redemption.api.Journey;

/**
 * The award chart exactly as the PostgreSQL migration seeds it, read from the migration file, so
 * that the pricing tests check the seeded numbers and not a copy of them. The upgrade chart is
 * derived as the migration derives it (target cabin minus booked cabin, same group and season).
 */
final class SeededChart {
  private SeededChart() {}

  static AwardChart load() {
    String sql;
    try {
      sql = Files.readString(Path.of("../../db/postgresql/redemption/V1__award_chart.sql"));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the seeded award chart", e);
    }
    Map<String, String> zones = new HashMap<>();
    Matcher z = Pattern.compile("\\('([A-Z]{2})', date '2000-01-01', '([A-Z]+)'\\)").matcher(sql);
    while (z.find()) {
      zones.put(z.group(1), z.group(2));
    }
    List<AwardChart.RouteGroup> groups = new ArrayList<>();
    Matcher g =
        Pattern.compile("\\('([A-Z_]+)',\\s+'[^']+',\\s+'([A-Z]+)', '([A-Z]+)'\\)").matcher(sql);
    while (g.find()) {
      groups.add(new AwardChart.RouteGroup(g.group(1), g.group(2), g.group(3)));
    }
    List<AwardChart.Row> rows = new ArrayList<>();
    Matcher r =
        Pattern.compile(
                "\\('([A-Z_]+)',\\s+'([A-Z_]+)',\\s+'(OFF_PEAK|PEAK)',\\s+'(ONE_WAY|ROUND_TRIP)',"
                    + " date '2000-01-01',\\s+(\\d+)\\)")
            .matcher(sql);
    while (r.find()) {
      rows.add(
          new AwardChart.Row(
              r.group(1),
              Cabin.valueOf(r.group(2)),
              AwardChart.Season.valueOf(r.group(3)),
              Journey.valueOf(r.group(4)),
              Long.parseLong(r.group(5))));
    }
    List<AwardChart.UpgradeRow> upgrades = new ArrayList<>();
    for (AwardChart.Row f : rows) {
      for (AwardChart.Row t : rows) {
        if (f.routeGroup().equals(t.routeGroup())
            && f.season() == t.season()
            && f.journey() == Journey.ONE_WAY
            && t.journey() == Journey.ONE_WAY
            && t.cabin().compareTo(f.cabin()) > 0) {
          upgrades.add(
              new AwardChart.UpgradeRow(
                  f.routeGroup(), f.cabin(), t.cabin(), f.season(), t.miles() - f.miles()));
        }
      }
    }
    List<AwardChart.PeakPeriod> peaks = new ArrayList<>();
    Matcher p =
        Pattern.compile("\\('[^']+',\\s+date '([0-9-]{10})', date '([0-9-]{10})'\\)").matcher(sql);
    while (p.find()) {
      peaks.add(
          new AwardChart.PeakPeriod(
              null, LocalDate.parse(p.group(1)), LocalDate.parse(p.group(2))));
    }
    if (zones.size() < 20 || groups.size() != 7 || rows.size() != 42 || peaks.size() != 5) {
      throw new IllegalStateException(
          "the seed file changed shape: zones %d, groups %d, rows %d, peaks %d"
              .formatted(zones.size(), groups.size(), rows.size(), peaks.size()));
    }
    return new AwardChart(zones, groups, rows, upgrades, peaks, Set.of("VNE", "VNA"));
  }
}
