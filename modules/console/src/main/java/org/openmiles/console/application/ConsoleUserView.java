package org.openmiles.console.application;

import java.time.Instant;
import org.openmiles.console.api.ConsoleRole;

/** A console user as the user-management page shows it (never the password hash). */
public record ConsoleUserView(
    String username,
    String displayName,
    ConsoleRole role,
    boolean active,
    int failedLogins,
    Instant lockedUntil,
    Instant lastLoginAt) {

  /** Whether a lockout is in force at {@code now}. */
  public boolean lockedAt(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }
}
