package org.openmiles.console.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openmiles.console.api.ConsoleRole;
import org.openmiles.console.application.ConsoleUserView;
import org.openmiles.console.application.ConsoleUsers;

/** User management for admins: the users, a new user, a password reset, row actions. */
@Named
@ViewScoped
public class UsersBean implements Serializable {
  @Inject ConsoleUsers consoleUsers;
  @Inject CurrentUser currentUser;
  @Inject AirlineTime time;

  private List<ConsoleUserView> users = List.of();
  private final Map<String, String> roles = new HashMap<>();
  private String username;
  private String displayName;
  private ConsoleRole role = ConsoleRole.AGENT;
  private String password;
  private String resetUsername;
  private String resetPassword;

  @PostConstruct
  void init() {
    try {
      users = consoleUsers.list(currentUser.actor());
      roles.clear();
      users.forEach(u -> roles.put(u.username(), u.role().name()));
    } catch (RuntimeException e) {
      users = List.of();
      Messages.refused("Listing users", e);
    }
  }

  public void create() {
    try {
      ConsoleUserView u =
          consoleUsers.create(
              currentUser.actor(),
              username,
              displayName,
              role,
              password == null ? new char[0] : password.toCharArray());
      Messages.info(
          "User " + u.username() + " created as " + label(u.role()) + ".",
          "Give them the password in person or by phone, never in the same email as the user"
              + " name; they can log in now.");
      username = null;
      displayName = null;
      role = ConsoleRole.AGENT;
    } catch (RuntimeException e) {
      Messages.refused("New user", e);
    }
    password = null;
    init();
  }

  public void reset() {
    try {
      consoleUsers.resetPassword(
          currentUser.actor(),
          resetUsername,
          resetPassword == null ? new char[0] : resetPassword.toCharArray());
      Messages.info(
          "Password of " + resetUsername + " reset; failed logins are forgotten.",
          "Tell the user the new password in person or by phone.");
      resetUsername = null;
    } catch (RuntimeException e) {
      Messages.refused("Password reset", e);
    }
    resetPassword = null;
    init();
  }

  public void unlock(String user) {
    act(
        "Clearing failed logins",
        () -> consoleUsers.unlock(currentUser.actor(), user),
        user + "'s failed logins are cleared: they can log in at once.");
  }

  public void disable(String user) {
    act(
        "Disabling " + user,
        () -> consoleUsers.disable(currentUser.actor(), user),
        user + " is disabled: logins are refused and an open session ends at the next click.");
  }

  public void enable(String user) {
    act(
        "Enabling " + user,
        () -> consoleUsers.enable(currentUser.actor(), user),
        user + " is enabled and can log in with their password.");
  }

  public void changeRole(String user) {
    ConsoleRole target = ConsoleRole.valueOf(roles.get(user));
    act(
        "Role change",
        () -> consoleUsers.changeRole(currentUser.actor(), user, target),
        user + " is now " + label(target) + " (from their next click).");
  }

  private void act(String what, Runnable action, String done) {
    try {
      action.run();
      Messages.info(done, "The change is in the audit log.");
    } catch (RuntimeException e) {
      Messages.refused(what, e);
    }
    init();
  }

  public String lockText(ConsoleUserView u) {
    return u.throttledAt(time.now())
        ? u.failedLogins() + " failed login(s), next try after " + time.describe(u.throttledUntil())
        : u.failedLogins() > 0 ? u.failedLogins() + " failed login(s)" : "";
  }

  public String lastLoginText(ConsoleUserView u) {
    return u.lastLoginAt() == null ? "never" : time.describe(u.lastLoginAt());
  }

  public boolean isSelf(ConsoleUserView u) {
    return u.username().equals(currentUser.getUsername());
  }

  public String label(ConsoleRole r) {
    return switch (r) {
      case AGENT -> "Agent";
      case SUPERVISOR -> "Supervisor";
      case ADMIN -> "Admin";
      case PROGRAM_MANAGER -> "Program manager";
      case PROGRAM_APPROVER -> "Program approver";
    };
  }

  public ConsoleRole[] getRoleChoices() {
    return ConsoleRole.values();
  }

  public int getMinPasswordLength() {
    return org.openmiles.console.domain.PasswordPolicy.MIN_LENGTH;
  }

  public List<ConsoleUserView> getUsers() {
    return users;
  }

  public Map<String, String> getRoles() {
    return roles;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public ConsoleRole getRole() {
    return role;
  }

  public void setRole(ConsoleRole role) {
    this.role = role;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getResetUsername() {
    return resetUsername;
  }

  public void setResetUsername(String resetUsername) {
    this.resetUsername = resetUsername;
  }

  public String getResetPassword() {
    return resetPassword;
  }

  public void setResetPassword(String resetPassword) {
    this.resetPassword = resetPassword;
  }
}
