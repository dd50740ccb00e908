package org.openmiles.accrual.api;

/**
 * The booked segment a missing-miles claim is linked to: the reservation system's evidence that the
 * member was booked on the flight claimed. {@code confirmed} is true when the segment status is a
 * confirmed one (HK, KK, KL, TK, RR), whatever has happened since ({@code state} may be FLOWN). A
 * booking is evidence for the agent only: it never credits a claim by itself.
 */
public record ClaimBooking(
    String pnr,
    int passengerNumber,
    int segmentNumber,
    String bookingClass,
    String segmentStatus,
    String state,
    boolean confirmed) {

  /** The link as stored: {@code confirmed} follows from the segment status code. */
  public static ClaimBooking of(
      String pnr,
      int passengerNumber,
      int segmentNumber,
      String bookingClass,
      String segmentStatus,
      String state) {
    return new ClaimBooking(
        pnr,
        passengerNumber,
        segmentNumber,
        bookingClass,
        segmentStatus,
        state,
        BookedSegment.status(segmentStatus).orElse(null) == BookedSegment.Status.CONFIRMED);
  }
}
