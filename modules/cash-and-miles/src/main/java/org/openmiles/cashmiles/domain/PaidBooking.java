package org.openmiles.cashmiles.domain;

import java.util.List;

/**
 * The airline booking a payment pays for: its reference, and its ticket numbers once it is ticketed
 * (empty before).
 */
public record PaidBooking(String reference, List<String> ticketNumbers) {

  public PaidBooking {
    ticketNumbers = List.copyOf(ticketNumbers);
  }

  /** This booking with {@code tickets}, or as it is when none are given. */
  public PaidBooking ticketed(List<String> tickets) {
    return tickets == null || tickets.isEmpty() ? this : new PaidBooking(reference, tickets);
  }
}
