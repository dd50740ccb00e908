package org.openmiles.console.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Lockout after repeated failed logins: the {@code maxFailures}-th wrong password in a row locks
 * the account for {@code lockFor}; a successful login resets the count. The count and the lock are
 * stored with the user, so every instance of a cluster applies the same lock.
 */
public record LoginPolicy(int maxFailures, Duration lockFor) {
  public LoginPolicy {
    if (maxFailures < 1) {
      throw new IllegalArgumentException("maxFailures must be at least 1");
    }
    if (lockFor.isNegative() || lockFor.isZero()) {
      throw new IllegalArgumentException("lockFor must be positive");
    }
  }

  /** Until when a user with this lock is locked at {@code now}, if they are. */
  public Optional<Instant> lockedUntil(Instant lockedUntil, Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now)
        ? Optional.of(lockedUntil)
        : Optional.empty();
  }

  /** Whether the failure that brings the count to {@code failuresSoFar + 1} locks the account. */
  public boolean locksAfter(int failuresSoFar) {
    return failuresSoFar + 1 >= maxFailures;
  }

  public Instant lockEnd(Instant now) {
    return now.plus(lockFor);
  }
}
