package org.openmiles.cashmiles.api;

import java.util.Objects;

/**
 * A booking engine, as its JWT names it (the {@code sub} claim). Every quote, payment and
 * idempotency key belongs to one client, and a client sees only its own.
 */
public record ClientId(String value) {
  public static final int MAX_LENGTH = 100;

  public ClientId {
    Objects.requireNonNull(value, "client id is required");
    if (value.isBlank() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("client id must be 1 to " + MAX_LENGTH + " characters");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
