package org.openmiles.accrual.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.openmiles.accrual.domain.FlightRuleKeys.FactorKey;
import org.openmiles.accrual.domain.FlightRuleKeys.MinimumKey;
import org.openmiles.accrual.domain.FlightRuleKeys.RateKey;
import org.openmiles.accrual.domain.FlightRuleVersion.Factors;
import org.openmiles.program.api.Simulation;

/**
 * The versions of the flight earn rules (booking-class factors, minimum miles, revenue rates, earn
 * models) as program administration reads and adds them (issue 20, ADR 0045). A version is added
 * from its date and never changed; the flown-coupon replays are read-only.
 */
public interface FlightRuleVersions {

  /** Whether the carrier has any flight earn rule (a model, a factor, a minimum or a rate). */
  boolean carrierHasRules(String carrier);

  /** Every version of a booking class's factors for a carrier and region. */
  List<Written<Factors>> factors(FactorKey key);

  /** Every version of a carrier's minimum miles per segment in a region. */
  List<Written<Long>> minimums(MinimumKey key);

  /** Every version of a carrier's revenue rate for a tier and currency. */
  List<Written<BigDecimal>> revenueRates(RateKey key);

  /** The currencies a carrier has revenue rates in (any tier, any date). */
  List<String> revenueCurrencies(String carrier);

  /** Every version of a carrier's earn model (DISTANCE or REVENUE). */
  List<Written<String>> models(String carrier);

  /**
   * Adds a version from {@code from} written by change request {@code change}; false if one from
   * that date is there already (versions are never overwritten). So do the other {@code add}s.
   */
  boolean addFactors(FactorKey key, LocalDate from, Factors factors, long change);

  boolean addMinimum(MinimumKey key, LocalDate from, long minimumMiles, long change);

  boolean addRevenueRate(RateKey key, LocalDate from, BigDecimal milesPerUnit, long change);

  boolean addModel(String carrier, LocalDate from, String model, long change);

  /**
   * The carrier's CREDITED flown coupons of the class and region flown {@code from}–{@code to} on
   * days its earn model was DISTANCE, their base miles recomputed set-based under the rules in
   * force on each flight date (before) and with {@code earnFactor} as the class's factor throughout
   * (after); read-only.
   */
  Replay replayFactor(FactorKey key, BigDecimal earnFactor, LocalDate from, LocalDate to);

  /** As {@link #replayFactor}, over every class of the region, with {@code minimumMiles} after. */
  Replay replayMinimum(MinimumKey key, long minimumMiles, LocalDate from, LocalDate to);

  /** A version as stored: its value, dates, and the change request that wrote it (null: seeded). */
  record Written<T>(T value, LocalDate from, LocalDate to, Long change) {
    /** In force on {@code date}: from {@code from} inclusive to {@code to} exclusive. */
    public boolean appliesOn(LocalDate date) {
      return !date.isBefore(from) && (to == null || date.isBefore(to));
    }

    /**
     * The version in force on {@code date}: the latest-starting of those that apply, as rating
     * reads it.
     */
    public static <T> Optional<Written<T>> inForce(List<Written<T>> versions, LocalDate date) {
      Written<T> best = null;
      for (Written<T> v : versions) {
        if (v.appliesOn(date) && (best == null || v.from().isAfter(best.from()))) {
          best = v;
        }
      }
      return Optional.ofNullable(best);
    }
  }

  /**
   * A replay's totals: coupons, those the set-based rating of the rules in force gave exactly the
   * credited base miles ({@code replayed}), members with coupons and those whose miles change, base
   * miles before and after, and the breakdowns ({@code groups}: dimension {@code month}, then
   * {@code bookingClass}).
   */
  record Replay(
      long records,
      long replayed,
      long members,
      long membersAffected,
      long milesBefore,
      long milesAfter,
      List<Simulation.Group> groups) {}
}
