package org.openmiles.console.domain;

import java.util.Collection;
import java.util.Optional;

/**
 * The console must always keep an admin who can manage users: nobody may disable or demote themself
 * (an admin who does so by mistake cannot undo it), and nobody may disable or demote the last
 * active admin.
 */
public final class AdminSafeguard {
  private AdminSafeguard() {}

  /**
   * Why {@code actor} may not take the admin rights of {@code admin} away ({@code what}: "disable"
   * or "demote"), given the active admins now; empty when it is safe.
   */
  public static Optional<String> refusal(
      String actor, String admin, Collection<String> activeAdmins, String what) {
    if (admin.equals(actor)) {
      return Optional.of("You cannot " + what + " yourself: ask another admin to do it.");
    }
    if (activeAdmins.contains(admin) && activeAdmins.size() <= 1) {
      return Optional.of(
          admin
              + " is the last active admin: make another user admin first, then "
              + what
              + " this one.");
    }
    return Optional.empty();
  }
}
