package org.openmiles.console.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.console.api.ConsoleRole;

/** Console users in {@code console.console_user}. */
@ApplicationScoped
public class JdbcConsoleUserRepository {
  @Inject Jdbc jdbc;

  /** A user as stored, password hash included. */
  public record StoredUser(
      String username,
      String displayName,
      String passwordHash,
      Set<ConsoleRole> roles,
      boolean active,
      int failedLogins,
      Instant lockedUntil,
      Instant lastLoginAt) {}

  private static final String COLUMNS =
      "username, display_name, password_hash, roles, active, failed_logins, locked_until,"
          + " last_login_at";

  public Optional<StoredUser> find(String username) {
    return jdbc.first(
        "find console user",
        "select " + COLUMNS + " from console.console_user where username = ?",
        (c, ps) -> ps.setString(1, username),
        JdbcConsoleUserRepository::map);
  }

  public List<StoredUser> all() {
    return jdbc.list(
        "list console users",
        "select " + COLUMNS + " from console.console_user order by username",
        (c, ps) -> {},
        JdbcConsoleUserRepository::map);
  }

  /** Inserts the user unless one with that name exists; true if inserted. */
  public boolean insertIfAbsent(
      String username, String displayName, String passwordHash, Set<ConsoleRole> roles) {
    return jdbc.update(
            "add console user",
            "insert into console.console_user (username, display_name, password_hash, roles)"
                + " values (?, ?, ?, ?) on conflict (username) do nothing",
            (c, ps) -> {
              ps.setString(1, username);
              ps.setString(2, displayName);
              ps.setString(3, passwordHash);
              ps.setString(4, rolesText(roles));
            })
        == 1;
  }

  /**
   * Counts a failed login; when {@code lockUntil} is given the account is locked until then and the
   * count starts again.
   */
  public void recordFailure(String username, Instant lockUntil) {
    jdbc.update(
        "record failed login",
        "update console.console_user set failed_logins = case when ?::timestamptz is null"
            + " then failed_logins + 1 else 0 end,"
            + " locked_until = coalesce(?::timestamptz, locked_until) where username = ?",
        (c, ps) -> {
          Timestamp t = lockUntil == null ? null : Timestamp.from(lockUntil);
          ps.setTimestamp(1, t);
          ps.setTimestamp(2, t);
          ps.setString(3, username);
        });
  }

  public void recordSuccess(String username, Instant at) {
    jdbc.update(
        "record login",
        "update console.console_user set failed_logins = 0, locked_until = null,"
            + " last_login_at = ? where username = ?",
        (c, ps) -> {
          ps.setTimestamp(1, Timestamp.from(at));
          ps.setString(2, username);
        });
  }

  /** Lifts a lockout (an admin's action). */
  public void unlock(String username) {
    jdbc.update(
        "unlock console user",
        "update console.console_user set failed_logins = 0, locked_until = null where username = ?",
        (c, ps) -> ps.setString(1, username));
  }

  /** A new password (an admin's reset): the failure count and any lock go with the old one. */
  public void updatePassword(String username, String passwordHash) {
    jdbc.update(
        "reset console password",
        "update console.console_user set password_hash = ?, failed_logins = 0, locked_until = null"
            + " where username = ?",
        (c, ps) -> {
          ps.setString(1, passwordHash);
          ps.setString(2, username);
        });
  }

  public void updateRoles(String username, Set<ConsoleRole> roles) {
    jdbc.update(
        "change console roles",
        "update console.console_user set roles = ? where username = ?",
        (c, ps) -> {
          ps.setString(1, rolesText(roles));
          ps.setString(2, username);
        });
  }

  public void updateActive(String username, boolean active) {
    jdbc.update(
        "enable or disable console user",
        "update console.console_user set active = ? where username = ?",
        (c, ps) -> {
          ps.setBoolean(1, active);
          ps.setString(2, username);
        });
  }

  /**
   * The active admins, their rows locked until the transaction ends: two admins demoting or
   * disabling each other at the same moment are decided one after the other, so one admin stays.
   */
  public List<String> lockActiveAdmins() {
    return jdbc.list(
        "lock active admins",
        "select username from console.console_user where active and roles like '%ADMIN%'"
            + " order by username for update",
        (c, ps) -> {},
        rs -> rs.getString(1));
  }

  static String rolesText(Set<ConsoleRole> roles) {
    return roles.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
  }

  private static StoredUser map(java.sql.ResultSet rs) throws java.sql.SQLException {
    EnumSet<ConsoleRole> roles = EnumSet.noneOf(ConsoleRole.class);
    Arrays.stream(rs.getString("roles").split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .forEach(s -> roles.add(ConsoleRole.valueOf(s)));
    Timestamp locked = rs.getTimestamp("locked_until");
    Timestamp last = rs.getTimestamp("last_login_at");
    return new StoredUser(
        rs.getString("username"),
        rs.getString("display_name"),
        rs.getString("password_hash"),
        roles,
        rs.getBoolean("active"),
        rs.getInt("failed_logins"),
        locked == null ? null : locked.toInstant(),
        last == null ? null : last.toInstant());
  }
}
