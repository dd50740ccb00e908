package org.openmiles.console.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openmiles.console.domain.ConsoleUserRepository;
import org.openmiles.console.domain.LoginThrottle;
import org.openmiles.console.domain.LoginThrottles;

/**
 * Throttles console logins per account name and per client address (ADR 0026), in the database so
 * that every instance of a cluster agrees. A name is throttled whether or not it belongs to a user,
 * so the answers never tell which names exist. Nothing is locked: after {@code
 * openmiles.console.throttle.free-failures} (5) failures for a name, or {@code
 * openmiles.console.throttle.address-free-failures} (20) from an address, each further attempt
 * waits {@code openmiles.console.throttle.base-seconds} (30), doubled per failure, at most {@code
 * openmiles.console.throttle.max-seconds} (300); failures count in a window of {@code
 * openmiles.console.throttle.forget-minutes} (15) from the first one.
 */
@ApplicationScoped
public class ConsoleLogins {
  @Inject ConsoleUserRepository users;
  @Inject LoginThrottles throttle;

  @Inject
  @ConfigProperty(name = "openmiles.console.throttle.free-failures", defaultValue = "5")
  int accountFreeFailures;

  @Inject
  @ConfigProperty(name = "openmiles.console.throttle.address-free-failures", defaultValue = "20")
  int addressFreeFailures;

  @Inject
  @ConfigProperty(name = "openmiles.console.throttle.base-seconds", defaultValue = "30")
  long baseSeconds;

  @Inject
  @ConfigProperty(name = "openmiles.console.throttle.max-seconds", defaultValue = "300")
  long maxSeconds;

  @Inject
  @ConfigProperty(name = "openmiles.console.throttle.forget-minutes", defaultValue = "15")
  long forgetMinutes;

  private LoginThrottle perAccount;
  private LoginThrottle perAddress;

  @PostConstruct
  void init() {
    Duration base = Duration.ofSeconds(baseSeconds);
    Duration max = Duration.ofSeconds(Math.max(maxSeconds, baseSeconds));
    Duration forget = Collections.max(List.of(Duration.ofMinutes(forgetMinutes), max));
    perAccount = new LoginThrottle(accountFreeFailures, base, max, forget);
    perAddress = new LoginThrottle(addressFreeFailures, base, max, forget);
  }

  /** The throttle of account names, for the login page to explain it. */
  public LoginThrottle perAccount() {
    return perAccount;
  }

  /**
   * Lets an attempt through and counts it as a failure until {@link #succeeded} says otherwise, or
   * says how long the name or the address must still wait (the attempt is then not counted).
   */
  public Optional<Duration> attempt(String username, String address, Instant at) {
    Instant now = stored(at);
    String account = LoginThrottles.accountKey(username);
    String client = LoginThrottles.addressKey(address);
    Optional<Instant> waiting = throttle.waitingUntil(List.of(account, client), now);
    if (waiting.isPresent()) {
      return waiting.map(until -> Duration.between(now, until));
    }
    throttle.forget(now.minus(perAccount.forgetAfter()), now);
    // two requests racing past the check above: the row lock lets one through per free slot
    if (throttle.countAttempt(client, perAddress, now).isEmpty()
        || throttle.countAttempt(account, perAccount, now).isEmpty()) {
      return throttle
          .waitingUntil(List.of(account, client), now)
          .map(u -> Duration.between(now, u));
    }
    return Optional.empty();
  }

  /** After a wrong password: how long the next attempt for this name or address must wait. */
  public Duration failed(String username, String address, Instant at) {
    Instant now = stored(at);
    return throttle
        .waitingUntil(
            List.of(LoginThrottles.accountKey(username), LoginThrottles.addressKey(address)), now)
        .map(until -> Duration.between(now, until))
        .orElse(Duration.ZERO);
  }

  /**
   * The instant as the database keeps it (microseconds), so that a wait read back is exactly the
   * one computed: "3600 s", not "3601 s" for a rounded-up nanosecond.
   */
  private static Instant stored(Instant at) {
    return at.truncatedTo(ChronoUnit.MICROS);
  }

  /** A valid login: the account's failures are forgotten, the address's attempt taken back. */
  public void succeeded(String username, String address, Instant now) {
    throttle.clear(LoginThrottles.accountKey(username));
    throttle.forgive(LoginThrottles.addressKey(address), now);
    users.recordLogin(username, now);
  }
}
