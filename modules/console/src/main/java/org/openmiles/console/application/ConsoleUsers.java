package org.openmiles.console.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.openmiles.common.ValidationException;
import org.openmiles.console.api.Actor;
import org.openmiles.console.api.AdminLockoutException;
import org.openmiles.console.api.ConsoleRole;
import org.openmiles.console.api.ConsoleUserExistsException;
import org.openmiles.console.api.ConsoleUserNotFoundException;
import org.openmiles.console.domain.AdminSafeguard;
import org.openmiles.console.domain.ConsoleUserRepository;
import org.openmiles.console.domain.LoginThrottles;
import org.openmiles.console.domain.PasswordHashes;
import org.openmiles.console.domain.PasswordPolicy;
import org.openmiles.console.domain.StoredUser;

/**
 * Console user management, for admins only: create a user, reset a password, clear failed logins,
 * change the role, disable and enable. Each is one transaction with its audit entry. An admin can
 * neither disable nor demote themself, and nobody can disable or demote the last active admin, so
 * the console always keeps someone who can manage users. Passwords follow {@link PasswordPolicy}
 * and are stored as PBKDF2 hashes ({@link PasswordHashes}); they are never logged or audited.
 */
@ApplicationScoped
public class ConsoleUsers {
  private static final String USERNAME = "[a-z0-9._-]{2,60}";

  @Inject ConsoleUserRepository users;
  @Inject LoginThrottles throttle;
  @Inject PasswordHashes hashing;
  @Inject AuditTrail audit;

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ConsoleUserView> list(Actor actor) {
    actor.require(ConsoleRole.ADMIN, "manage console users");
    return users.all().stream().map(ConsoleUsers::view).toList();
  }

  @Transactional
  public ConsoleUserView create(
      Actor actor, String username, String displayName, ConsoleRole role, char[] password) {
    actor.require(ConsoleRole.ADMIN, "create console users");
    String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    String display = displayName == null ? "" : displayName.strip();
    if (!name.matches(USERNAME)) {
      throw ValidationException.of(
          "username", "2 to 60 characters: lower-case letters, digits, dot, dash, underscore");
    }
    if (display.length() < 2 || display.length() > 120) {
      throw ValidationException.of("displayName", "give the person's name (2 to 120 characters)");
    }
    if (role == null) {
      throw ValidationException.of("role", "choose a role");
    }
    requireStrong(name, password);
    if (!users.insertIfAbsent(name, display, hashing.hash(password), EnumSet.of(role))) {
      throw new ConsoleUserExistsException(name);
    }
    audit.record(actor, "USER_CREATED", null, "user " + name, null, role.name(), display);
    return view(get(name));
  }

  @Transactional
  public void resetPassword(Actor actor, String username, char[] password) {
    actor.require(ConsoleRole.ADMIN, "reset passwords");
    StoredUser user = get(username);
    requireStrong(user.username(), password);
    users.updatePassword(user.username(), hashing.hash(password));
    throttle.clear(LoginThrottles.accountKey(user.username()));
    audit.record(actor, "USER_PASSWORD_RESET", null, "user " + user.username(), null, null, null);
  }

  @Transactional
  public void unlock(Actor actor, String username) {
    actor.require(ConsoleRole.ADMIN, "unlock console users");
    StoredUser user = get(username);
    throttle.clear(LoginThrottles.accountKey(user.username()));
    audit.record(
        actor,
        "USER_UNLOCKED",
        null,
        "user " + user.username(),
        user.failedLogins()
            + " failed"
            + (user.throttledUntil() == null ? "" : ", next try at " + user.throttledUntil()),
        "0 failed",
        null);
  }

  @Transactional
  public void changeRole(Actor actor, String username, ConsoleRole role) {
    actor.require(ConsoleRole.ADMIN, "change roles");
    if (role == null) {
      throw ValidationException.of("role", "choose a role");
    }
    StoredUser user = get(username);
    ConsoleRole before = roleOf(user);
    if (before == role) {
      return;
    }
    if (before == ConsoleRole.ADMIN) {
      keepAnAdmin(actor, user, "demote");
    }
    users.updateRoles(user.username(), EnumSet.of(role));
    audit.record(
        actor,
        "USER_ROLE_CHANGED",
        null,
        "user " + user.username(),
        before.name(),
        role.name(),
        null);
  }

  @Transactional
  public void disable(Actor actor, String username) {
    actor.require(ConsoleRole.ADMIN, "disable console users");
    StoredUser user = get(username);
    if (!user.active()) {
      return;
    }
    if (roleOf(user) == ConsoleRole.ADMIN) {
      keepAnAdmin(actor, user, "disable");
    }
    users.updateActive(user.username(), false);
    audit.record(
        actor, "USER_DISABLED", null, "user " + user.username(), "active", "disabled", null);
  }

  @Transactional
  public void enable(Actor actor, String username) {
    actor.require(ConsoleRole.ADMIN, "enable console users");
    StoredUser user = get(username);
    if (user.active()) {
      return;
    }
    users.updateActive(user.username(), true);
    audit.record(
        actor, "USER_ENABLED", null, "user " + user.username(), "disabled", "active", null);
  }

  /** Refuses to disable or demote oneself, or the last active admin ({@link AdminSafeguard}). */
  private void keepAnAdmin(Actor actor, StoredUser admin, String what) {
    AdminSafeguard.refusal(
            actor.username(),
            admin.username(),
            admin.username().equals(actor.username()) ? List.of() : users.lockActiveAdmins(),
            what)
        .ifPresent(
            reason -> {
              throw new AdminLockoutException(reason);
            });
  }

  private static void requireStrong(String username, char[] password) {
    List<String> problems = PasswordPolicy.problems(username, password);
    if (!problems.isEmpty()) {
      throw ValidationException.of("password", "the password needs " + String.join("; ", problems));
    }
  }

  private StoredUser get(String username) {
    String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    return users.find(name).orElseThrow(() -> new ConsoleUserNotFoundException(name));
  }

  /** The highest of the user's stored roles (roles nest, so that is the one that counts). */
  static ConsoleRole roleOf(StoredUser user) {
    return user.roles().stream().max(Enum::compareTo).orElse(ConsoleRole.AGENT);
  }

  private static ConsoleUserView view(StoredUser u) {
    return new ConsoleUserView(
        u.username(),
        u.displayName(),
        roleOf(u),
        u.active(),
        u.failedLogins(),
        u.throttledUntil(),
        u.lastLoginAt());
  }
}
