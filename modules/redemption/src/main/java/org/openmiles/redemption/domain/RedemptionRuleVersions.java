package org.openmiles.redemption.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.openmiles.program.api.Simulation;
import org.openmiles.redemption.domain.RedemptionRuleKeys.ChartKey;
import org.openmiles.redemption.domain.RedemptionRuleVersion.ExtensionPackage;
import org.openmiles.redemption.domain.RedemptionRuleVersion.Peak;

/**
 * The versions of the redemption rules program managers change (issue 20, ADR 0045): award chart
 * cells, the zone of a country, the peak calendar of a scope, extension packages. A version is
 * added from its date and never changed; each {@code add} answers false when the rule already has a
 * version from that date (versions are never overwritten).
 */
public interface RedemptionRuleVersions {

  /** The route groups' codes. */
  List<String> routeGroups();

  /** The award zones' codes. */
  List<String> zones();

  /** Every version of every cell of a route group's award chart. */
  List<Cell> chart(String routeGroup);

  boolean addChartMiles(ChartKey key, LocalDate from, long miles, long change);

  /** Every version of the award zone a country belongs to. */
  List<Written<String>> zoneOf(String country);

  boolean addZoneOf(String country, LocalDate from, String zone, long change);

  /** Every version of a scope's peak calendar ({@code ALL} or a route group), its ranges each. */
  List<Written<List<Peak>>> peaks(String scope);

  boolean addPeaks(String scope, LocalDate from, List<Peak> peaks, long change);

  /** Every version of an extension package. */
  List<Written<ExtensionPackage>> extensionPackage(String code);

  boolean addExtensionPackage(String code, LocalDate from, ExtensionPackage p, long change);

  /**
   * The parts of the flight awards issued {@code from} (inclusive) to {@code to} (exclusive) that
   * were priced by the chart cell {@code key}, replayed set-based, read-only: miles as charged per
   * passenger (before) and at {@code miles} (after), times the award's passengers; {@code replayed}
   * counts the parts whose charged miles are the cell's price in force on the award's outbound
   * date; months in {@code zone}. Awards issued before redemption V3 record no parts.
   */
  Replay replayChart(ChartKey key, long miles, Instant from, Instant to, ZoneId zone);

  /**
   * A replay's totals: records, those the replay of the rules in force gave exactly the miles
   * charged ({@code replayed}), members and those whose miles change, miles before and after, and
   * the breakdown by month.
   */
  record Replay(
      long records,
      long replayed,
      long members,
      long membersAffected,
      long milesBefore,
      long milesAfter,
      List<Simulation.Group> groups) {}

  /** One version of one cell of the award chart. */
  record Cell(ChartKey key, Written<Long> miles) {}

  /** A version as stored: its value, dates, and the change request that wrote it (null: seeded). */
  record Written<T>(T value, LocalDate from, LocalDate to, Long change) {
    /** In force on {@code date}: from {@code from} inclusive to {@code to} exclusive. */
    public boolean appliesOn(LocalDate date) {
      return !date.isBefore(from) && (to == null || date.isBefore(to));
    }

    /**
     * The version in force on {@code date} as pricing reads it: of the versions from {@code date}
     * or before, the latest-starting, and only if it has not ended.
     */
    public static <T> Optional<Written<T>> inForce(List<Written<T>> versions, LocalDate date) {
      Written<T> latest = null;
      for (Written<T> v : versions) {
        if (!v.from().isAfter(date) && (latest == null || v.from().isAfter(latest.from()))) {
          latest = v;
        }
      }
      return Optional.ofNullable(latest).filter(v -> v.appliesOn(date));
    }
  }
}
