package org.openmiles.console.security;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/**
 * The logged-in console user, kept in the HTTP session (and only there: the session id changes at
 * login, and logout invalidates the session). {@code groups} are the role names, included roles
 * expanded.
 */
public record ConsoleCaller(String username, String displayName, Set<String> groups, Instant since)
    implements Serializable {
  public static final String SESSION_ATTRIBUTE = "org.openmiles.console.caller";

  public ConsoleCaller {
    groups = Set.copyOf(groups);
  }
}
