package org.openmiles.accounts.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Set miles aside for a pending payment. The hold's source reference identifies it for capture and
 * release, and makes a retried placement a no-op. It expires on its own after {@code ttl}.
 */
public record PlaceHold(
    MemberNumber member, long miles, SourceReference source, Duration ttl, String description) {
  public static final Duration MAX_TTL = Duration.ofDays(30);

  /** Shorter than other references: the ledger appends {@code #capture} and the like to it. */
  public static final int MAX_REFERENCE_LENGTH = 100;

  public PlaceHold {
    Objects.requireNonNull(member, "member is required");
    Objects.requireNonNull(source, "source reference is required");
    Objects.requireNonNull(ttl, "ttl is required");
    source.requireCallerChosen();
    if (source.value().length() > MAX_REFERENCE_LENGTH) {
      throw new IllegalArgumentException(
          "a hold reference must be at most " + MAX_REFERENCE_LENGTH + " characters");
    }
    if (miles <= 0) {
      throw new IllegalArgumentException("miles must be positive");
    }
    if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
      throw new IllegalArgumentException("ttl must be between 1 second and 30 days");
    }
    description = description == null ? "" : description.strip();
  }
}
