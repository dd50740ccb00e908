package org.openmiles.accrual.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A missing-miles claim as members and agents see it. {@code reasonCode}/{@code reason} say why it
 * waits or was rejected (or how it was matched); {@code matchedCoupon} is the coupon it was matched
 * to ({@code <ticket>/<coupon>}); {@code milesCredited} counts base and tier bonus miles this claim
 * posted ({@code qualifyingMiles} the qualifying part), 0 when a file had credited the coupon to
 * the member already. {@code booking} is the member's booked segment of the claimed flight, if a
 * booking file brought one (null otherwise): a confirmed booking is evidence for the agent.
 *
 * <p>Flat on purpose: it is a JSON body of the REST API (docs/api.md), its components being the
 * fields of the response; grouping them into value records would change the wire format.
 */
public record ClaimView(
    long id,
    String member,
    String ticketNumber,
    Integer couponNumber,
    String carrier,
    String flightNumber,
    LocalDate flightDate,
    String origin,
    String destination,
    String bookingClass,
    ClaimStatus status,
    String reasonCode,
    String reason,
    String matchedCoupon,
    long milesCredited,
    long qualifyingMiles,
    String reviewedBy,
    String reviewNote,
    Instant createdAt,
    Instant updatedAt,
    Instant resolvedAt,
    ClaimBooking booking) {

  /** This claim with its booked segment ({@code null}: none). */
  public ClaimView withBooking(ClaimBooking b) {
    return new ClaimView(
        id,
        member,
        ticketNumber,
        couponNumber,
        carrier,
        flightNumber,
        flightDate,
        origin,
        destination,
        bookingClass,
        status,
        reasonCode,
        reason,
        matchedCoupon,
        milesCredited,
        qualifyingMiles,
        reviewedBy,
        reviewNote,
        createdAt,
        updatedAt,
        resolvedAt,
        b);
  }
}
