package org.openmiles.tiers.domain;

import java.math.BigDecimal;
import java.util.Objects;
import org.openmiles.tiers.api.TierBenefits;

/**
 * One tier of the program in force: reached with qualifying miles OR qualifying flights in the
 * period, or, for a lifetime tier, with lifetime qualifying miles (then never reviewed down).
 */
public record TierDefinition(
    String code,
    String name,
    int rank,
    long milesThreshold,
    BigDecimal flightsThreshold,
    long lifetimeMilesThreshold,
    boolean lifetime,
    int flightBonusPercent) {

  public TierDefinition {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    flightsThreshold = flightsThreshold == null ? BigDecimal.ZERO : flightsThreshold;
  }

  /** A periodic tier with its two thresholds. */
  public static TierDefinition periodic(
      String code, int rank, long miles, long flights, int bonusPercent) {
    return new TierDefinition(
        code, code, rank, miles, BigDecimal.valueOf(flights), 0, false, bonusPercent);
  }

  /** A lifetime tier reached with lifetime qualifying miles. */
  public static TierDefinition lifetime(String code, int rank, long lifetimeMiles, int bonus) {
    return new TierDefinition(code, code, rank, 0, BigDecimal.ZERO, lifetimeMiles, true, bonus);
  }

  /** Whether the period's activity reaches this (periodic) tier: either criterion suffices. */
  public boolean reachedBy(Counters period) {
    return !lifetime
        && (period.miles() >= milesThreshold || period.flights().compareTo(flightsThreshold) >= 0);
  }

  public TierBenefits benefits() {
    return new TierBenefits(code, name, rank, flightBonusPercent);
  }
}
