package org.openmiles.accounts.api;

import java.util.Objects;

/**
 * Move up to {@code miles} of a member's soonest-expiring miles (those still valid today, with an
 * expiry date of their own) to an expiry {@code months} later. The balance does not change; the
 * {@code source} reference makes a retry a no-op.
 */
public record ExtendExpiry(
    MemberNumber member, long miles, int months, SourceReference source, String description) {

  public ExtendExpiry {
    Objects.requireNonNull(member, "member is required");
    Objects.requireNonNull(source, "source reference is required");
    source.requireCallerChosen();
    if (miles < 1 || miles > 10_000_000L) {
      throw new IllegalArgumentException("miles must be between 1 and 10,000,000");
    }
    if (months < 1 || months > 120) {
      throw new IllegalArgumentException("months must be between 1 and 120");
    }
    description = description == null ? "" : description.strip();
    if (description.length() > PostMiles.MAX_DESCRIPTION) {
      throw new IllegalArgumentException(
          "description must be at most " + PostMiles.MAX_DESCRIPTION + " characters");
    }
  }
}
