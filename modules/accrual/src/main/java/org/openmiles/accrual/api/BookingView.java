package org.openmiles.accrual.api;

import java.util.List;

/** A PNR as the latest booking files describe it: its passengers, each with their segments. */
public record BookingView(String pnr, List<Passenger> passengers) {

  /** One passenger of the PNR and their segments, in segment order. */
  public record Passenger(
      int passengerNumber,
      String lastName,
      String firstName,
      String memberNumber,
      String ticketNumber,
      List<BookedSegmentView> segments) {}
}
