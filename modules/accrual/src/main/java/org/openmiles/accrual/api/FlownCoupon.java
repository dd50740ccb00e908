package org.openmiles.accrual.api;

import java.util.Objects;
import org.openmiles.accounts.api.MemberNumber;

/**
 * One well-formed coupon of the airline's flown-coupon file: the ticket number (13 digits: 3-digit
 * airline accounting code + 10-digit serial) and coupon number are its identity, credited once
 * whichever file or claim brings it. {@code status} is the IATA coupon status letter; {@code
 * member} is null when the passenger gave no frequent-flyer number; {@code lastName} and {@code
 * firstName} ({@code ""} when none) are the passenger's as ticketed.
 */
public record FlownCoupon(
    String ticketNumber,
    int couponNumber,
    char status,
    MemberNumber member,
    String lastName,
    String firstName,
    Flight flight,
    Fare fare,
    long lineNumber) {

  public FlownCoupon {
    Objects.requireNonNull(ticketNumber, "ticketNumber");
    Objects.requireNonNull(lastName, "lastName");
    Objects.requireNonNull(flight, "flight");
    Objects.requireNonNull(flight.operatingCarrier(), "operatingCarrier");
    Objects.requireNonNull(fare, "fare");
    firstName = firstName == null ? "" : firstName;
  }

  /** Flown (F) or lifted/boarded (L): the coupon earns. */
  public boolean earns() {
    return status == 'F' || status == 'L';
  }

  /** Refunded (R), voided (V) or exchanged (E): an earlier credit is taken back. */
  public boolean reverses() {
    return status == 'R' || status == 'V' || status == 'E';
  }

  /** The identity of the coupon, e.g. {@code 7381234567890/1}. */
  public String key() {
    return CouponKey.format(ticketNumber, couponNumber);
  }

  /** The ledger source reference of the coupon's base miles. */
  public String ledgerReference() {
    return LedgerReferences.flownCoupon(ticketNumber, couponNumber);
  }
}
