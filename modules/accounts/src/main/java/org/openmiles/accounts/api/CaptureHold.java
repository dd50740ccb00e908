package org.openmiles.accounts.api;

import java.util.Objects;

/**
 * Capture an active hold: {@code miles} (at most the held amount) leave the balance, and the rest
 * of the hold is released in the same step. A retry of the same capture returns the same hold.
 */
public record CaptureHold(SourceReference hold, long miles) {
  public CaptureHold {
    Objects.requireNonNull(hold, "hold reference is required");
    if (miles <= 0) {
      throw new IllegalArgumentException("miles must be positive");
    }
  }
}
