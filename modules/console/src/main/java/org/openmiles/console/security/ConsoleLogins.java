package org.openmiles.console.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openmiles.console.domain.LoginPolicy;
import org.openmiles.console.infrastructure.JdbcConsoleUserRepository;

/**
 * Applies the {@link LoginPolicy} to stored users: {@code openmiles.console.lockout.failures} (5)
 * wrong passwords in a row lock the account for {@code openmiles.console.lockout.minutes} (15).
 * Names that are not users are never locked (there is nothing to lock), and get the same answer as
 * a wrong password.
 */
@ApplicationScoped
public class ConsoleLogins {
  @Inject JdbcConsoleUserRepository users;

  @Inject
  @ConfigProperty(name = "openmiles.console.lockout.failures", defaultValue = "5")
  int maxFailures;

  @Inject
  @ConfigProperty(name = "openmiles.console.lockout.minutes", defaultValue = "15")
  int lockMinutes;

  private LoginPolicy policy;

  @PostConstruct
  void init() {
    policy = new LoginPolicy(maxFailures, Duration.ofMinutes(lockMinutes));
  }

  /** The lockout rule in force, for the login page to explain it. */
  public LoginPolicy policy() {
    return policy;
  }

  public Optional<Instant> lockedUntil(String username, Instant now) {
    return users.find(username).flatMap(u -> policy.lockedUntil(u.lockedUntil(), now));
  }

  /** Counts a failure; says how many attempts are left, or until when the account is locked. */
  public LoginOutcome failed(String username, Instant now) {
    var user = users.find(username);
    if (user.isEmpty()) {
      return LoginOutcome.wrong(-1);
    }
    int before = user.get().failedLogins();
    if (policy.locksAfter(before)) {
      Instant until = policy.lockEnd(now);
      users.recordFailure(username, until);
      return LoginOutcome.locked(until);
    }
    users.recordFailure(username, null);
    return LoginOutcome.wrong(maxFailures - before - 1);
  }

  public void succeeded(String username, Instant now) {
    users.recordSuccess(username, now);
  }
}
