package org.openmiles.redemption.api;

import java.util.Objects;

/**
 * Who travels on an award: the {@code MEMBER}, one of the member's {@code NOMINEE}s or {@code
 * FAMILY_CHILD}ren (by beneficiary id), or {@code OTHER}, a named person not on the list (with the
 * program's surcharge, where the program allows it).
 */
public record Passenger(Kind kind, Long beneficiaryId, String firstName, String lastName) {

  public enum Kind {
    MEMBER,
    NOMINEE,
    FAMILY_CHILD,
    OTHER
  }

  public static final Passenger MEMBER = new Passenger(Kind.MEMBER, null, null, null);

  public Passenger {
    Objects.requireNonNull(kind, "passenger kind is required");
    if ((kind == Kind.NOMINEE || kind == Kind.FAMILY_CHILD) && beneficiaryId == null) {
      throw new IllegalArgumentException("a " + kind + " passenger needs a beneficiary id");
    }
    if (kind == Kind.OTHER
        && (firstName == null || firstName.isBlank() || lastName == null || lastName.isBlank())) {
      throw new IllegalArgumentException("another passenger needs a first and last name");
    }
  }
}
