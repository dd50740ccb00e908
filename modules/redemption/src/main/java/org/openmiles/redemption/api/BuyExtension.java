package org.openmiles.redemption.api;

import java.util.Objects;
import org.openmiles.accounts.api.MemberNumber;

/**
 * A member buys an extension package, paid outside OpenMiles ({@code paymentReference} names the
 * payment); {@code clientReference} makes a retry a no-op.
 */
public record BuyExtension(
    MemberNumber member, String packageCode, String clientReference, String paymentReference) {

  public BuyExtension {
    Objects.requireNonNull(member, "member is required");
    Objects.requireNonNull(packageCode, "package is required");
    requireReference(clientReference, "client reference");
    requireReference(paymentReference, "payment reference");
  }

  private static void requireReference(String value, String what) {
    if (value == null
        || value.isEmpty()
        || value.length() > RedeemAward.MAX_REFERENCE
        || !value.chars().allMatch(c -> c > 32 && c < 127 && c != '#')) {
      throw new IllegalArgumentException(
          what + " must be 1 to " + RedeemAward.MAX_REFERENCE + " printable characters, no '#'");
    }
  }
}
