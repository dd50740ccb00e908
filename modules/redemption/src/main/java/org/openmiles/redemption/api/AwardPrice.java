package org.openmiles.redemption.api;

import java.time.LocalDate;
import java.util.List;

/**
 * Miles for an award: per passenger, the priced parts (one-way legs at their own season, or one
 * round-trip row), and the total for all passengers.
 */
public record AwardPrice(
    String routeGroup,
    Cabin cabin,
    Journey journey,
    List<Part> parts,
    long milesPerPassenger,
    int passengers,
    long totalMiles) {

  public AwardPrice {
    parts = List.copyOf(parts);
  }

  /** One priced part: travel date, season ({@code OFF_PEAK}/{@code PEAK}), miles. */
  public record Part(LocalDate date, String season, long miles) {}
}
