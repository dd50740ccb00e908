package org.openmiles.redemption.api;

import java.util.Objects;
import org.openmiles.accounts.api.MemberNumber;

/**
 * Redeem one award for a member: a flight award ({@code flight}), an upgrade ({@code upgrade}) or a
 * partner voucher ({@code partnerAward}, a catalogue code), exactly one of them. {@code
 * clientReference} (the Idempotency-Key) makes a retry return the first award.
 */
public record RedeemAward(
    MemberNumber member,
    String clientReference,
    PriceAward flight,
    PriceUpgrade upgrade,
    String partnerAward,
    Passenger passenger) {

  public static final int MAX_REFERENCE = 80;

  public RedeemAward {
    Objects.requireNonNull(member, "member is required");
    Objects.requireNonNull(clientReference, "client reference is required");
    if (clientReference.isEmpty()
        || clientReference.length() > MAX_REFERENCE
        || !clientReference.chars().allMatch(c -> c > 32 && c < 127 && c != '#')) {
      throw new IllegalArgumentException(
          "client reference must be 1 to " + MAX_REFERENCE + " printable characters, no '#'");
    }
    int kinds =
        (flight == null ? 0 : 1) + (upgrade == null ? 0 : 1) + (partnerAward == null ? 0 : 1);
    if (kinds != 1) {
      throw new IllegalArgumentException("name exactly one of flight, upgrade or partnerAward");
    }
    if (upgrade != null && !upgrade.member().equals(member)) {
      throw new IllegalArgumentException("an upgrade is for the member's own ticket");
    }
    passenger = passenger == null ? Passenger.MEMBER : passenger;
    if ((upgrade != null || partnerAward != null) && passenger.kind() != Passenger.Kind.MEMBER) {
      throw new IllegalArgumentException("upgrades and partner awards are for the member only");
    }
    if (flight != null && flight.passengers() != 1) {
      throw new IllegalArgumentException("an award ticket is for one passenger: redeem one each");
    }
  }
}
