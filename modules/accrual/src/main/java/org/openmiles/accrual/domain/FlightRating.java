package org.openmiles.accrual.domain;

import java.math.BigDecimal;

/**
 * What a flight segment earns by the program's rules: the distance used, the region ({@code
 * DOMESTIC} or {@code INTERNATIONAL}), the base miles and the tier's bonus, and the qualifying
 * activity (spend in the program's spend currency, zero when none is counted or the segment has no
 * fare).
 */
public record FlightRating(
    long distanceMiles,
    String region,
    long baseMiles,
    long bonusMiles,
    long qualifyingMiles,
    BigDecimal qualifyingFlights,
    BigDecimal qualifyingSpend) {}
