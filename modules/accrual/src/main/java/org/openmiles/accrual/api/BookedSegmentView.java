package org.openmiles.accrual.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One segment of a booking as OpenMiles holds it now. {@code state} is CONFIRMED, WAITLISTED,
 * CANCELLED or FLOWN. {@code expectedMiles} = {@code baseMiles} + {@code tierBonusMiles}, rated at
 * the member's tier when the file arrived; 0 with a {@code reason} when the segment cannot earn (no
 * member number, member not enrolled, unknown airport, class not earning, not confirmed). A FLOWN
 * segment names the credited coupon ({@code ticket/coupon}) and the miles actually credited. {@code
 * claimId}/{@code claimStatus} name the missing-miles claim filed for the segment's flight, if any.
 *
 * <p>Flat on purpose: it is a JSON body of the REST API (docs/api.md), its components being the
 * fields of the response; grouping them into value records would change the wire format.
 */
public record BookedSegmentView(
    String pnr,
    int passengerNumber,
    int segmentNumber,
    String memberNumber,
    String carrier,
    String flightNumber,
    LocalDate departureDate,
    String origin,
    String destination,
    String bookingClass,
    String segmentStatus,
    String state,
    long expectedMiles,
    long baseMiles,
    long tierBonusMiles,
    long qualifyingMiles,
    BigDecimal qualifyingFlights,
    String tierCode,
    String reason,
    String flownCoupon,
    Long creditedMiles,
    LocalDate fileDate,
    Long claimId,
    String claimStatus) {}
