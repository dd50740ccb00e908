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
    Instant throttledUntil,
    Instant lastLoginAt) {

  /** Whether the user's next login must still wait at {@code now} (too many failures). */
  public boolean throttledAt(Instant now) {
    return throttledUntil != null && throttledUntil.isAfter(now);
  }
}
