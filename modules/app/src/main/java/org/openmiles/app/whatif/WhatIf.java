package org.openmiles.app.whatif;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.openmiles.accrual.api.ItineraryEarning;

/**
 * The answer to a what-if: what the itinerary would earn, the tier outlook, and the Cash &amp;
 * Miles splits for its fare (null without a fare; {@code cashAndMilesRefused} says why a fare
 * cannot be paid with miles).
 */
public record WhatIf(
    String member,
    ItineraryEarning earning,
    TierOutlook tier,
    Splits cashAndMiles,
    Refusal cashAndMilesRefused) {

  /**
   * The member's tier and the next one: what the period still needs now, what this trip's
   * qualifying activity inside the period adds (segments after the period's end count for the next
   * one), what would still be needed after it, and whether the trip reaches the next tier (any one
   * threshold met suffices). The "next" fields are null when there is no tier above.
   */
  public record TierOutlook(
      String tier,
      String qualificationPeriod,
      LocalDate periodTo,
      String nextTier,
      Long milesNeeded,
      BigDecimal flightsNeeded,
      BigDecimal spendNeeded,
      long tripQualifyingMiles,
      BigDecimal tripQualifyingFlights,
      BigDecimal tripQualifyingSpend,
      Long milesStillNeeded,
      BigDecimal flightsStillNeeded,
      BigDecimal spendStillNeeded,
      boolean reachesNextTier) {}

  /** The fare's miles range and example splits, priced now, nothing kept. */
  public record Splits(
      String currency,
      BigDecimal valuePerMile,
      long availableMiles,
      long minimumMiles,
      long maximumMiles,
      long step,
      List<Split> options) {}

  /** One way to pay: these miles, their value, the cash still due for the fare and in all. */
  public record Split(
      long miles, BigDecimal milesValue, BigDecimal cashForFare, BigDecimal totalCash) {}

  /** Why the fare cannot be paid with miles: a stable code and what to do. */
  public record Refusal(String code, String detail) {}
}
