package org.openmiles.console.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openmiles.console.api.ConsoleRole;

/** The console's users: name, roles, password hash, whether active, last login. */
public interface ConsoleUserRepository {

  Optional<StoredUser> find(String username);

  /** Every user, by name. */
  List<StoredUser> all();

  /** Adds the user unless one with that name exists; true if added. */
  boolean insertIfAbsent(
      String username, String displayName, String passwordHash, Set<ConsoleRole> roles);

  void recordLogin(String username, Instant at);

  /** A new password (an admin's reset). */
  void updatePassword(String username, String passwordHash);

  void updateRoles(String username, Set<ConsoleRole> roles);

  void updateActive(String username, boolean active);

  /**
   * The active admins, locked until the transaction ends: two admins demoting or disabling each
   * other at the same moment are decided one after the other, so one admin stays.
   */
  List<String> lockActiveAdmins();
}
