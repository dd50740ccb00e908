package org.openmiles.console.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
import org.openmiles.console.domain.ConsoleUserRepository;
import org.openmiles.console.domain.StoredUser;

/** Console users in {@code console.console_user}. */
@ApplicationScoped
public class JdbcConsoleUserRepository implements ConsoleUserRepository {
  @Inject Jdbc jdbc;

  /** The user's columns, with the failures and wait of their account name (ADR 0026). */
  private static final String COLUMNS =
      """
      username, display_name, password_hash, roles, active,
      coalesce(t.failures, 0) failed_logins, t.next_allowed_at, last_login_at
      from console.console_user u
      left join console.login_throttle t on t.key = 'account:' || u.username""";

  @Override
  public Optional<StoredUser> find(String username) {
    return jdbc.first(
        "find console user",
        "select %s where username = ?".formatted(COLUMNS),
        (c, ps) -> ps.setString(1, username),
        JdbcConsoleUserRepository::map);
  }

  @Override
  public List<StoredUser> all() {
    return jdbc.list(
        "list console users",
        "select %s order by username".formatted(COLUMNS),
        (c, ps) -> {},
        JdbcConsoleUserRepository::map);
  }

  /** Inserts the user unless one with that name exists; true if inserted. */
  @Override
  public boolean insertIfAbsent(
      String username, String displayName, String passwordHash, Set<ConsoleRole> roles) {
    return jdbc.update(
            "add console user",
            """
            insert into console.console_user (username, display_name, password_hash, roles)
            values (?, ?, ?, ?)
            on conflict (username) do nothing""",
            (c, ps) -> {
              ps.setString(1, username);
              ps.setString(2, displayName);
              ps.setString(3, passwordHash);
              ps.setString(4, rolesText(roles));
            })
        == 1;
  }

  @Override
  public void recordLogin(String username, Instant at) {
    jdbc.update(
        "record login",
        "update console.console_user set last_login_at = ? where username = ?",
        (c, ps) -> {
          ps.setTimestamp(1, Timestamp.from(at));
          ps.setString(2, username);
        });
  }

  /** A new password (an admin's reset). */
  @Override
  public void updatePassword(String username, String passwordHash) {
    set("reset console password", "password_hash", username, ps -> ps.setString(1, passwordHash));
  }

  @Override
  public void updateRoles(String username, Set<ConsoleRole> roles) {
    set("change console roles", "roles", username, ps -> ps.setString(1, rolesText(roles)));
  }

  @Override
  public void updateActive(String username, boolean active) {
    set("enable or disable console user", "active", username, ps -> ps.setBoolean(1, active));
  }

  /** The value to write, bound as the statement's first parameter. */
  private interface Value {
    void bind(PreparedStatement ps) throws SQLException;
  }

  /** Sets one column of the user's row (a column name of this class, never the caller's text). */
  private void set(String what, String column, String username, Value value) {
    jdbc.update(
        what,
        "update console.console_user set %s = ? where username = ?".formatted(column),
        (c, ps) -> {
          value.bind(ps);
          ps.setString(2, username);
        });
  }

  /**
   * The active admins, their rows locked until the transaction ends: two admins demoting or
   * disabling each other at the same moment are decided one after the other, so one admin stays.
   */
  @Override
  public List<String> lockActiveAdmins() {
    return jdbc.list(
        "lock active admins",
        """
        select username from console.console_user where active and roles like '%ADMIN%'
        order by username for update""",
        (c, ps) -> {},
        rs -> rs.getString("username"));
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
    Timestamp waiting = rs.getTimestamp("next_allowed_at");
    Timestamp last = rs.getTimestamp("last_login_at");
    return new StoredUser(
        rs.getString("username"),
        rs.getString("display_name"),
        rs.getString("password_hash"),
        roles,
        rs.getBoolean("active"),
        rs.getInt("failed_logins"),
        waiting == null ? null : waiting.toInstant(),
        last == null ? null : last.toInstant());
  }
}
