package org.openmiles.redemption.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openmiles.common.time.AirlineZone;
import org.openmiles.program.api.RuleField;
import org.openmiles.program.api.RuleKind;
import org.openmiles.program.api.Simulation;
import org.openmiles.redemption.api.Cabin;
import org.openmiles.redemption.api.Journey;
import org.openmiles.redemption.domain.AwardChart.Season;
import org.openmiles.redemption.domain.RedemptionRuleKeys;
import org.openmiles.redemption.domain.RedemptionRuleKeys.ChartKey;
import org.openmiles.redemption.domain.RedemptionRuleVersion;
import org.openmiles.redemption.domain.RedemptionRuleVersions.Cell;
import org.openmiles.redemption.domain.RedemptionRuleVersions.Replay;
import org.openmiles.redemption.domain.RedemptionRuleVersions.Written;

/**
 * A cell of the award chart as program managers change it (issue 20): keyed {@code
 * ROUTE_GROUP:CABIN:SEASON:JOURNEY} ({@code DOMESTIC:ECONOMY:PEAK:ONE_WAY}), a version is the miles
 * per passenger ({@code award_chart}), in force by travel date. An unknown route group is refused;
 * a new cell of a known one is allowed (a ROUND_TRIP price where there was none: round trips were
 * two one-way awards until then). A proposal that makes the chart of its route group inconsistent
 * on its date is flagged, not refused: PEAK cheaper than OFF_PEAK, ROUND_TRIP above two ONE_WAY, a
 * higher cabin cheaper than a lower one (each against the cells in force on the date).
 *
 * <p>Simulated on the flight awards issued in the window (days in the airline's zone) that were
 * priced by the cell: each award since redemption V3 records its route group, cabin, journey,
 * passengers and priced parts by cell ({@code award_part}); before = the miles charged per
 * passenger, after = the proposed miles, both times the passengers (base miles: the non-nominee
 * surcharge, a percentage of them, is not replayed); {@code replayed} = parts charged exactly the
 * cell's price in force on the award's outbound date. Awards issued before V3 recorded none of it
 * and are not counted. A proposed ROUND_TRIP cell where there was none replays nothing: the round
 * trips it would price were priced as two ONE_WAY parts. Cancelled awards count (they were issued
 * at that price). No cost: the program's mile value is the Cash &amp; Miles module's.
 */
@ApplicationScoped
public class AwardChartAdministration extends RedemptionRuleAdministration<ChartKey, Long> {
  @Inject AirlineZone zone;
  @Inject Clock clock;

  /** The kind's name in paths and requests. */
  public static final String KIND = "award-chart";

  private static final RuleKind DESCRIPTION =
      new RuleKind(
          KIND,
          "Award chart",
          "ROUTE_GROUP:CABIN:SEASON:JOURNEY, such as DOMESTIC:ECONOMY:PEAK:ONE_WAY (an existing route"
              + " group; ECONOMY, PREMIUM_ECONOMY or BUSINESS; OFF_PEAK or PEAK; ONE_WAY or"
              + " ROUND_TRIP), by travel date",
          List.of(
              new RuleField(
                  "miles",
                  "whole number",
                  true,
                  "miles per passenger for an award of this cell: 1 to 10000000")));

  public AwardChartAdministration() {
    super(DESCRIPTION);
  }

  @Override
  ChartKey key(String key) {
    ChartKey k = RedemptionRuleKeys.chart(key);
    knownRouteGroup(key, k.routeGroup());
    return k;
  }

  @Override
  Long version(ChartKey key, Map<String, String> fields, LocalDate from) {
    return RedemptionRuleVersion.chartMiles(fields);
  }

  @Override
  List<Written<Long>> written(ChartKey key) {
    return store.chart(key.routeGroup()).stream()
        .filter(c -> c.key().equals(key))
        .map(Cell::miles)
        .toList();
  }

  @Override
  boolean add(ChartKey key, LocalDate from, Long miles, long change) {
    return store.addChartMiles(key, from, miles, change);
  }

  @Override
  Map<String, String> fields(Long miles) {
    return Map.of("miles", Long.toString(miles));
  }

  @Override
  public Optional<Simulation> simulate(
      String key, Map<String, String> fields, LocalDate from, LocalDate to) {
    long start = System.nanoTime();
    ChartKey k = key(key);
    long miles = version(k, fields, from);
    ZoneId z = zone.zone();
    Replay r =
        store.replayChart(
            k,
            miles,
            from.atStartOfDay(z).toInstant(),
            to.plusDays(1).atStartOfDay(z).toInstant(),
            z);
    return Optional.of(
        Simulation.withoutCost(
            from,
            to,
            r.records(),
            r.replayed(),
            r.members(),
            r.membersAffected(),
            r.milesBefore(),
            r.milesAfter(),
            r.groups(),
            clock,
            start));
  }

  @Override
  public List<String> warnings(String key, Map<String, String> fields, LocalDate effectiveFrom) {
    ChartKey k = key(key);
    long miles = version(k, fields, effectiveFrom);
    Map<ChartKey, List<Written<Long>>> byCell = new HashMap<>();
    for (Cell c : store.chart(k.routeGroup())) {
      byCell.computeIfAbsent(c.key(), x -> new ArrayList<>()).add(c.miles());
    }
    Map<ChartKey, Long> onDate = new HashMap<>();
    byCell.forEach(
        (cell, versions) ->
            Written.inForce(versions, effectiveFrom).ifPresent(w -> onDate.put(cell, w.value())));
    onDate.put(k, miles);
    List<String> warnings = new ArrayList<>();
    // PEAK at least OFF_PEAK, same cabin and journey
    ChartKey offPeak = new ChartKey(k.routeGroup(), k.cabin(), Season.OFF_PEAK, k.journey());
    ChartKey peak = new ChartKey(k.routeGroup(), k.cabin(), Season.PEAK, k.journey());
    cheaper(onDate, peak, offPeak, "PEAK is cheaper than OFF_PEAK", warnings);
    // ROUND_TRIP at most two ONE_WAY, same cabin and season
    ChartKey oneWay = new ChartKey(k.routeGroup(), k.cabin(), k.season(), Journey.ONE_WAY);
    ChartKey roundTrip = new ChartKey(k.routeGroup(), k.cabin(), k.season(), Journey.ROUND_TRIP);
    Long ow = onDate.get(oneWay);
    Long rt = onDate.get(roundTrip);
    if (ow != null && rt != null && rt > 2 * ow) {
      warnings.add(
          "ROUND_TRIP is more than twice ONE_WAY on the date: "
              + roundTrip
              + " "
              + rt
              + " > 2 × "
              + ow
              + " ("
              + oneWay
              + "); a member pays less for two one-way awards");
    }
    // a higher cabin at least a lower one, same season and journey
    for (Cabin c : Cabin.values()) {
      ChartKey other = new ChartKey(k.routeGroup(), c, k.season(), k.journey());
      if (c.compareTo(k.cabin()) < 0) {
        cheaper(onDate, k, other, k.cabin() + " is cheaper than " + c, warnings);
      } else if (c.compareTo(k.cabin()) > 0) {
        cheaper(onDate, other, k, c + " is cheaper than " + k.cabin(), warnings);
      }
    }
    return warnings;
  }

  /** Warns when cell {@code high} costs less than cell {@code low} on the date. */
  private static void cheaper(
      Map<ChartKey, Long> onDate, ChartKey high, ChartKey low, String what, List<String> out) {
    Long h = onDate.get(high);
    Long l = onDate.get(low);
    if (h != null && l != null && h < l) {
      out.add(what + " on the date: " + high + " " + h + " < " + low + " " + l);
    }
  }
}
