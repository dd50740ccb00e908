package org.openmiles.console.api;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** The console user performing an action: who, and with which roles (included roles expanded). */
public record Actor(String username, Set<ConsoleRole> roles) {
  public Actor {
    Objects.requireNonNull(username, "username is required");
    EnumSet<ConsoleRole> all = EnumSet.noneOf(ConsoleRole.class);
    roles.forEach(r -> all.addAll(r.withIncluded()));
    roles = Set.copyOf(all);
  }

  public boolean has(ConsoleRole role) {
    return roles.contains(role);
  }

  /** Refuses the action unless the actor has {@code role}. */
  public void require(ConsoleRole role, String action) {
    if (!has(role)) {
      throw new ActionNotAllowedException(username, role, action);
    }
  }
}
