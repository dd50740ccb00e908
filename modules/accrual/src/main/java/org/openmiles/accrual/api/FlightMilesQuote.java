package org.openmiles.accrual.api;

import java.math.BigDecimal;

/**
 * What a segment earns before any tier bonus or promotion: the distance used, the region, the earn
 * factor of the booking class, base (= qualifying) miles after the minimum, and how much of a
 * qualifying flight it counts for.
 */
public record FlightMilesQuote(
    Distance distance,
    String region,
    String carrier,
    String bookingClass,
    BigDecimal earnFactor,
    long minimumMiles,
    long baseMiles,
    long qualifyingMiles,
    BigDecimal qualifyingSegments) {}
