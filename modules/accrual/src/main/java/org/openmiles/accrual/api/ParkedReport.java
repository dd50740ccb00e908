package org.openmiles.accrual.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A sender's records that were never credited because no member matched them: those still waiting
 * (received within the parking window, credited if the member enrolls in time) and those past the
 * window, which will not be credited automatically any more and are listed oldest first for the
 * partner or an agent to follow up. For the host airline, coupons kept for a claim (no member
 * number, or a name that is not the member's) count as waiting while they are within the claim
 * window.
 */
public record ParkedReport(
    String partner,
    int parkDays,
    long waiting,
    long waitingMiles,
    long expired,
    long expiredMiles,
    List<Item> oldestExpired) {

  public ParkedReport {
    oldestExpired = List.copyOf(oldestExpired);
  }

  /** One record past the window: its reference (transaction id, or ticket/coupon). */
  public record Item(
      String reference,
      String memberNumber,
      LocalDate activityDate,
      long miles,
      String reason,
      Instant receivedAt) {}
}
