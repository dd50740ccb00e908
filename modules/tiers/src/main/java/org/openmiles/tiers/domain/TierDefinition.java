package org.openmiles.tiers.domain;

import java.math.BigDecimal;
import java.util.Objects;
import org.openmiles.tiers.api.TierBenefits;

/**
 * One tier of the program in force: reached with qualifying miles OR qualifying flights OR, when
 * the tier has a spend threshold ({@code null}: spend is no criterion), qualifying spend in the
 * period; or, for a lifetime tier, with lifetime qualifying miles (then never reviewed down).
 */
public record TierDefinition(
    String code,
    String name,
    int rank,
    long milesThreshold,
    BigDecimal flightsThreshold,
    long lifetimeMilesThreshold,
    boolean lifetime,
    int flightBonusPercent,
    BigDecimal spendThreshold) {

  public TierDefinition {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    flightsThreshold = flightsThreshold == null ? BigDecimal.ZERO : flightsThreshold;
    if (spendThreshold != null && (lifetime || spendThreshold.signum() < 0)) {
      throw new IllegalArgumentException(
          "a spend threshold is for periodic tiers and not negative: " + code);
    }
  }

  /** The same tier, reached also with {@code threshold} of qualifying spend (null: not). */
  public TierDefinition withSpendThreshold(BigDecimal threshold) {
    return new TierDefinition(
        code,
        name,
        rank,
        milesThreshold,
        flightsThreshold,
        lifetimeMilesThreshold,
        lifetime,
        flightBonusPercent,
        threshold);
  }

  /** A periodic tier with its two thresholds. */
  public static TierDefinition periodic(
      String code, int rank, long miles, long flights, int bonusPercent) {
    return new TierDefinition(
        code, code, rank, miles, BigDecimal.valueOf(flights), 0, false, bonusPercent, null);
  }

  /** A lifetime tier reached with lifetime qualifying miles. */
  public static TierDefinition lifetime(String code, int rank, long lifetimeMiles, int bonus) {
    return new TierDefinition(
        code, code, rank, 0, BigDecimal.ZERO, lifetimeMiles, true, bonus, null);
  }

  /** Whether the period's activity reaches this (periodic) tier: any one criterion suffices. */
  public boolean reachedBy(Counters period) {
    return !lifetime
        && (period.miles() >= milesThreshold
            || period.flights().compareTo(flightsThreshold) >= 0
            || (spendThreshold != null && period.spend().compareTo(spendThreshold) >= 0));
  }

  public TierBenefits benefits() {
    return new TierBenefits(code, name, rank, flightBonusPercent);
  }
}
