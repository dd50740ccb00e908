package org.openmiles.console.security;

import java.time.Instant;

/**
 * What a login attempt came to, left as a request attribute by the mechanism for the login page to
 * tell the user what to do next.
 */
public record LoginOutcome(Kind kind, Instant lockedUntil, int attemptsLeft) {
  public static final String REQUEST_ATTRIBUTE = "org.openmiles.console.loginOutcome";

  public enum Kind {
    OK,
    WRONG_CREDENTIALS,
    LOCKED
  }

  public static LoginOutcome ok() {
    return new LoginOutcome(Kind.OK, null, 0);
  }

  public static LoginOutcome wrong(int attemptsLeft) {
    return new LoginOutcome(Kind.WRONG_CREDENTIALS, null, attemptsLeft);
  }

  public static LoginOutcome locked(Instant until) {
    return new LoginOutcome(Kind.LOCKED, until, 0);
  }
}
