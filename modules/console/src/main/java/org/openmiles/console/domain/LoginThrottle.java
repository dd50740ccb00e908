package org.openmiles.console.domain;

import java.time.Duration;

/**
 * The progressive delay after failed logins, for one kind of key (an account name, or a client
 * address): the first {@code freeFailures} failures cost nothing; from then on, each failure makes
 * the next attempt wait {@code baseDelay}, doubled for every further failure, never more than
 * {@code maxDelay}. Failures are counted in a window of {@code forgetAfter} from the first one; a
 * failure after the window starts a new count (so a busy address whose users log in successfully in
 * between does not pile failures up all day). Nothing is ever locked: the wait ends on its own, so
 * an attacker can slow an account down but not shut it.
 */
public record LoginThrottle(
    int freeFailures, Duration baseDelay, Duration maxDelay, Duration forgetAfter) {
  public LoginThrottle {
    if (freeFailures < 1) {
      throw new IllegalArgumentException("freeFailures must be at least 1");
    }
    if (baseDelay.isNegative() || baseDelay.isZero() || maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException("need 0 < baseDelay <= maxDelay");
    }
    if (forgetAfter.compareTo(maxDelay) < 0) {
      throw new IllegalArgumentException("forgetAfter must be at least maxDelay");
    }
  }

  /** The wait before the next attempt once {@code failures} failures are counted. */
  public Duration delayAfter(int failures) {
    if (failures < freeFailures) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - freeFailures, 40);
    long seconds = baseDelay.toSeconds();
    for (int i = 0; i < doublings && seconds < maxDelay.toSeconds(); i++) {
      seconds *= 2;
    }
    return Duration.ofSeconds(Math.min(seconds, maxDelay.toSeconds()));
  }
}
