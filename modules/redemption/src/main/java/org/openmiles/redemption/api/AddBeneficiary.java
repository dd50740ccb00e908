package org.openmiles.redemption.api;

import java.time.LocalDate;
import java.util.Objects;

/** A nominee or a child of the member's family account, as named on a ticket. */
public record AddBeneficiary(
    Passenger.Kind kind, String firstName, String lastName, LocalDate birthDate) {

  public AddBeneficiary {
    Objects.requireNonNull(kind, "kind is required");
    if (kind != Passenger.Kind.NOMINEE && kind != Passenger.Kind.FAMILY_CHILD) {
      throw new IllegalArgumentException("kind must be NOMINEE or FAMILY_CHILD");
    }
    firstName = name(firstName, "first name");
    lastName = name(lastName, "last name");
    Objects.requireNonNull(birthDate, "birth date is required");
  }

  private static String name(String value, String what) {
    if (value == null || value.isBlank() || value.strip().length() > 60) {
      throw new IllegalArgumentException(what + " is required (at most 60 characters)");
    }
    return value.strip();
  }
}
