package org.openmiles.console.security;

import java.time.Duration;

/**
 * What a login attempt came to, left as a request attribute by the mechanism for the login page to
 * tell the user what to do next. {@code delay} is how long the next attempt must wait (zero when it
 * need not). The outcome is the same for every user name, existing or not.
 */
public record LoginOutcome(Kind kind, Duration delay) {
  public static final String REQUEST_ATTRIBUTE = "org.openmiles.console.loginOutcome";

  public enum Kind {
    OK,
    WRONG_CREDENTIALS,
    /** Refused before the password was checked: too many failures for the name or address. */
    THROTTLED
  }

  public static LoginOutcome ok() {
    return new LoginOutcome(Kind.OK, Duration.ZERO);
  }

  public static LoginOutcome wrong(Duration delay) {
    return new LoginOutcome(Kind.WRONG_CREDENTIALS, delay);
  }

  public static LoginOutcome throttled(Duration delay) {
    return new LoginOutcome(Kind.THROTTLED, delay);
  }

  /** The wait in whole seconds, rounded up: what the login page says. */
  public long waitSeconds() {
    long s = delay.toSeconds();
    return delay.minusSeconds(s).isZero() ? s : s + 1;
  }
}
