package org.openmiles.accrual.domain;

import java.math.BigDecimal;

/**
 * What a flight segment earns by the program's rules: the distance used, the region ({@code
 * DOMESTIC} or {@code INTERNATIONAL}), the base miles and the tier's bonus, and the qualifying
 * activity (spend in the program's spend currency, zero when none is counted or the segment has no
 * fare). {@link #NONE} is what a segment that is not rated earns: nothing, over an unknown (null)
 * distance.
 */
public record FlightRating(
    Integer distanceMiles,
    String region,
    long baseMiles,
    long bonusMiles,
    long qualifyingMiles,
    BigDecimal qualifyingFlights,
    BigDecimal qualifyingSpend) {

  public static final FlightRating NONE =
      new FlightRating(
          null, null, 0, 0, 0, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));
}
