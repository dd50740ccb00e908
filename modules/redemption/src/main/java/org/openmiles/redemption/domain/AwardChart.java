package org.openmiles.redemption.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openmiles.redemption.api.AwardPrice;
import org.openmiles.redemption.api.Cabin;
import org.openmiles.redemption.api.ClassNotUpgradableException;
import org.openmiles.redemption.api.Journey;
import org.openmiles.redemption.api.NoAwardRouteException;
import org.openmiles.redemption.api.PriceAward;

/**
 * The award chart in force on one date: which zone a country belongs to, the route groups between
 * zones (either direction), miles per route group, cabin, season and journey, the peak calendar,
 * and the upgrade chart. Pure: the repository loads the rows, this prices.
 *
 * <p>A round trip uses a {@code ROUND_TRIP} row when the chart has one (peak if either date is
 * peak); otherwise it costs two one-way awards, each at the season of its own date.
 */
public final class AwardChart {

  public enum Season {
    OFF_PEAK,
    PEAK
  }

  public record RouteGroup(String code, String zoneA, String zoneB) {
    boolean joins(String z1, String z2) {
      return (zoneA.equals(z1) && zoneB.equals(z2)) || (zoneA.equals(z2) && zoneB.equals(z1));
    }
  }

  public record Row(String routeGroup, Cabin cabin, Season season, Journey journey, long miles) {}

  public record UpgradeRow(String routeGroup, Cabin from, Cabin to, Season season, long miles) {}

  /** Travel dates priced at peak, both days included; {@code routeGroup} null = every group. */
  public record PeakPeriod(String routeGroup, LocalDate firstDay, LocalDate lastDay) {}

  private final Map<String, String> zoneByCountry;
  private final List<RouteGroup> groups;
  private final List<Row> rows;
  private final List<UpgradeRow> upgrades;
  private final List<PeakPeriod> peaks;
  private final Set<String> notUpgradable;

  /**
   * {@code notUpgradable} holds carrier + booking class pairs ({@code "VNE"}) that cannot be
   * upgraded.
   */
  public AwardChart(
      Map<String, String> zoneByCountry,
      List<RouteGroup> groups,
      List<Row> rows,
      List<UpgradeRow> upgrades,
      List<PeakPeriod> peaks,
      Set<String> notUpgradable) {
    this.zoneByCountry = Map.copyOf(zoneByCountry);
    this.groups = List.copyOf(groups);
    this.rows = List.copyOf(rows);
    this.upgrades = List.copyOf(upgrades);
    this.peaks = List.copyOf(peaks);
    this.notUpgradable = Set.copyOf(notUpgradable);
  }

  /** The route group between two countries, or NO_AWARD_ROUTE. */
  public RouteGroup routeGroup(String originCountry, String destinationCountry) {
    String a = zoneByCountry.get(originCountry);
    String b = zoneByCountry.get(destinationCountry);
    if (a == null || b == null) {
      throw new NoAwardRouteException(
          "no award zone for "
              + (a == null ? originCountry : destinationCountry)
              + ": the chart has no award to or from there");
    }
    return groups.stream()
        .filter(g -> g.joins(a, b))
        .findFirst()
        .orElseThrow(
            () ->
                new NoAwardRouteException("no award route group between zones " + a + " and " + b));
  }

  public Season season(String routeGroup, LocalDate date) {
    boolean peak =
        peaks.stream()
            .anyMatch(
                p ->
                    (p.routeGroup() == null || p.routeGroup().equals(routeGroup))
                        && !date.isBefore(p.firstDay())
                        && !date.isAfter(p.lastDay()));
    return peak ? Season.PEAK : Season.OFF_PEAK;
  }

  /** Prices {@code award} between airports of these countries. */
  public AwardPrice price(PriceAward award, String originCountry, String destinationCountry) {
    Objects.requireNonNull(award, "award");
    RouteGroup group = routeGroup(originCountry, destinationCountry);
    List<AwardPrice.Part> parts = new ArrayList<>();
    Season out = season(group.code(), award.outbound());
    if (award.journey() == Journey.ROUND_TRIP) {
      Season back = season(group.code(), award.inbound());
      Season both = out == Season.PEAK || back == Season.PEAK ? Season.PEAK : Season.OFF_PEAK;
      Optional<Row> roundTrip = row(group.code(), award.cabin(), both, Journey.ROUND_TRIP);
      if (roundTrip.isPresent()) {
        parts.add(new AwardPrice.Part(award.outbound(), both.name(), roundTrip.get().miles()));
      } else {
        parts.add(oneWay(group, award.cabin(), award.outbound(), out));
        parts.add(oneWay(group, award.cabin(), award.inbound(), back));
      }
    } else {
      parts.add(oneWay(group, award.cabin(), award.outbound(), out));
    }
    long perPassenger = parts.stream().mapToLong(AwardPrice.Part::miles).sum();
    return new AwardPrice(
        group.code(),
        award.cabin(),
        award.journey(),
        parts,
        perPassenger,
        award.passengers(),
        perPassenger * award.passengers());
  }

  /**
   * Miles to upgrade a paid one-way segment from one cabin to a higher one; CLASS_NOT_UPGRADABLE
   * for booking classes the program excludes.
   */
  public AwardPrice.Part upgrade(
      String routeGroup,
      String carrier,
      String bookingClass,
      Cabin from,
      Cabin to,
      LocalDate date) {
    if (notUpgradable.contains(carrier + bookingClass)) {
      throw new ClassNotUpgradableException(
          "paid tickets of " + carrier + " in class " + bookingClass + " cannot be upgraded");
    }
    Season season = season(routeGroup, date);
    long miles =
        upgrades.stream()
            .filter(
                u ->
                    u.routeGroup().equals(routeGroup)
                        && u.from() == from
                        && u.to() == to
                        && u.season() == season)
            .mapToLong(UpgradeRow::miles)
            .findFirst()
            .orElseThrow(
                () ->
                    new NoAwardRouteException(
                        "no upgrade award from " + from + " to " + to + " on " + routeGroup));
    return new AwardPrice.Part(date, season.name(), miles);
  }

  private AwardPrice.Part oneWay(RouteGroup group, Cabin cabin, LocalDate date, Season season) {
    Row row =
        row(group.code(), cabin, season, Journey.ONE_WAY)
            .orElseThrow(
                () ->
                    new NoAwardRouteException(
                        "no " + cabin + " award on " + group.code() + " at " + season));
    return new AwardPrice.Part(date, season.name(), row.miles());
  }

  private Optional<Row> row(String group, Cabin cabin, Season season, Journey journey) {
    return rows.stream()
        .filter(
            r ->
                r.routeGroup().equals(group)
                    && r.cabin() == cabin
                    && r.season() == season
                    && r.journey() == journey)
        .findFirst();
  }
}
