package org.openmiles.console.domain;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Failed-login counts and waits, one per key (an account name or a client address), shared by every
 * instance of the console; two requests at once never both pass the same wait (ADR 0026).
 */
public interface LoginThrottles {

  /** Longest account name kept in a key: longer guesses are cut, they name no user anyway. */
  int MAX_NAME = 100;

  /** The key of an account name, typed (lower case), whether or not a user has it. */
  static String accountKey(String username) {
    String name = username.toLowerCase(Locale.ROOT);
    return "account:" + (name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name);
  }

  /** The key of a client address. */
  static String addressKey(String address) {
    return "address:" + address;
  }

  /** The latest time any of {@code keys} may try again, if it is after {@code now}. */
  Optional<Instant> waitingUntil(List<String> keys, Instant now);

  /**
   * Counts an attempt as a failure before the password is checked, so that a burst of requests
   * cannot all pass one free slot; a valid login takes it back ({@link #forgive}). Returns the time
   * the key may try next, or empty if the key is waiting and the attempt was not counted.
   */
  Optional<Instant> countAttempt(String key, LoginThrottle rule, Instant now);

  /** A valid login: the attempt counted for {@code key} was not a failure after all. */
  void forgive(String key, Instant now);

  /** Forgets a key's failures (a valid login to the account, an admin's unlock). */
  void clear(String key);

  /** Deletes the keys nobody waits on and whose window has passed. */
  void forget(Instant windowsBefore, Instant now);
}
