package org.openmiles.accrual.api;

import java.util.Objects;
import org.openmiles.accounts.api.MemberNumber;

/**
 * A passenger of a booking as the reservation system knows them: last and first name ({@code ""}
 * when none), the frequent-flyer number and the ticket number, each null when the booking has none
 * (yet).
 */
public record BookedPassenger(
    String lastName, String firstName, MemberNumber member, String ticketNumber) {

  public BookedPassenger {
    Objects.requireNonNull(lastName, "lastName");
    firstName = firstName == null ? "" : firstName;
  }
}
