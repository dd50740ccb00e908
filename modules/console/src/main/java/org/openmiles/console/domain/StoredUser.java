package org.openmiles.console.domain;

import java.time.Instant;
import java.util.Set;
import org.openmiles.console.api.ConsoleRole;

/** A console user as stored, password hash included, with the failures of its account name. */
public record StoredUser(
    String username,
    String displayName,
    String passwordHash,
    Set<ConsoleRole> roles,
    boolean active,
    int failedLogins,
    Instant throttledUntil,
    Instant lastLoginAt) {}
