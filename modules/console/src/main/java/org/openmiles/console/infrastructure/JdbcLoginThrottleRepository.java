package org.openmiles.console.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.console.domain.LoginThrottle;
import org.openmiles.console.domain.LoginThrottles;

/**
 * Failed-login counts and waits in {@code console.login_throttle}, one row per key (an account name
 * or a client address). Each statement decides on its own row under PostgreSQL's row lock, so two
 * instances, or two requests at once, never both pass the same wait.
 */
@ApplicationScoped
public class JdbcLoginThrottleRepository implements LoginThrottles {
  @Inject Jdbc jdbc;

  /** The latest time any of {@code keys} may try again, if it is after {@code now}. */
  @Override
  public Optional<Instant> waitingUntil(List<String> keys, Instant now) {
    return jdbc.first(
        "read login waits",
        """
        select next_allowed_at from console.login_throttle
        where key = any (?) and next_allowed_at > ?
        order by next_allowed_at desc limit 1""",
        (c, ps) -> {
          ps.setArray(1, c.createArrayOf("varchar", keys.toArray()));
          ps.setTimestamp(2, Timestamp.from(now));
        },
        rs -> rs.getTimestamp("next_allowed_at").toInstant());
  }

  /**
   * Counts an attempt as a failure before the password is checked, so that a burst of requests
   * cannot all pass one free slot; a valid login takes it back ({@link #forgive}). Returns the time
   * the key may try next, or empty if the key is waiting and the attempt was not counted.
   */
  @Override
  public Optional<Instant> countAttempt(String key, LoginThrottle rule, Instant now) {
    // a failure after the window (forgetAfter from the window's first failure) starts a new one
    String newWindow =
        "t.first_failure_at < excluded.last_failure_at - interval '%d seconds'"
            .formatted(rule.forgetAfter().toSeconds());
    String failures = "(case when %s then 1 else t.failures + 1 end)".formatted(newWindow);
    String delaySeconds =
        "least(%d, case when %s < %d then 0 else %d * power(2, least(%s - %d, 40)) end)"
            .formatted(
                rule.maxDelay().toSeconds(),
                failures,
                rule.freeFailures(),
                rule.baseDelay().toSeconds(),
                failures,
                rule.freeFailures());
    return jdbc.first(
        "count login attempt",
        """
        insert into console.login_throttle as t
          (key, failures, first_failure_at, last_failure_at, next_allowed_at)
        values (?, 1, ?, ?, ?)
        on conflict (key) do update set
          failures = %1$s,
          first_failure_at =
            case when %2$s then excluded.first_failure_at else t.first_failure_at end,
          last_failure_at = excluded.last_failure_at,
          next_allowed_at = excluded.last_failure_at + make_interval(secs => %3$s)
        where t.next_allowed_at <= excluded.last_failure_at
        returning next_allowed_at"""
            .formatted(failures, newWindow, delaySeconds),
        (c, ps) -> {
          ps.setString(1, key);
          ps.setTimestamp(2, Timestamp.from(now));
          ps.setTimestamp(3, Timestamp.from(now));
          ps.setTimestamp(4, Timestamp.from(now.plus(rule.delayAfter(1))));
        },
        rs -> rs.getTimestamp("next_allowed_at").toInstant());
  }

  /** A valid login: the attempt counted for {@code key} was not a failure after all. */
  @Override
  public void forgive(String key, Instant now) {
    jdbc.update(
        "forgive login attempt",
        """
        update console.login_throttle
        set failures = greatest(failures - 1, 0), next_allowed_at = least(next_allowed_at, ?)
        where key = ?""",
        (c, ps) -> {
          ps.setTimestamp(1, Timestamp.from(now));
          ps.setString(2, key);
        });
  }

  /** Forgets a key's failures (a valid login to the account, an admin's unlock). */
  @Override
  public void clear(String key) {
    jdbc.update(
        "clear login failures",
        "delete from console.login_throttle where key = ?",
        (c, ps) -> ps.setString(1, key));
  }

  /** Deletes the rows nobody waits on and whose window has passed. */
  @Override
  public void forget(Instant windowsBefore, Instant now) {
    jdbc.update(
        "forget old login failures",
        "delete from console.login_throttle where first_failure_at < ? and next_allowed_at <= ?",
        (c, ps) -> {
          ps.setTimestamp(1, Timestamp.from(windowsBefore));
          ps.setTimestamp(2, Timestamp.from(now));
        });
  }
}
