package org.openmiles.console.security;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens the MP-JWT mechanism has already verified, with what it made of them, so that a
 * booking engine sending the same token again is not parsed and signature-checked on every request
 * (ADR 0016: that was about a third of the server's CPU per Cash &amp; Miles call).
 *
 * <p>An entry is used only before the token's own {@code exp} and before {@code maxAge} after it
 * was verified, whichever comes first, so a token is never accepted longer than the mechanism
 * itself would accept it, and a new verification key applies to cached tokens within {@code
 * maxAge}. The map is bounded: when full, expired entries go, and if it is still full it is emptied
 * (a token that is not found is simply verified again).
 *
 * @param <T> what the verification gave (the caller and groups)
 */
final class VerifiedTokens<T> {
  private record Verified<T>(T result, Instant usableUntil) {}

  private final Map<String, Verified<T>> tokens = new ConcurrentHashMap<>();
  private final int capacity;
  private final long maxAgeSeconds;

  /**
   * @param capacity the most tokens kept; 0 keeps none
   * @param maxAgeSeconds how long a verification is trusted at most; 0 keeps none
   */
  VerifiedTokens(int capacity, long maxAgeSeconds) {
    if (capacity < 0 || maxAgeSeconds < 0) {
      throw new IllegalArgumentException("capacity and max age must not be negative");
    }
    this.capacity = capacity;
    this.maxAgeSeconds = maxAgeSeconds;
  }

  boolean enabled() {
    return capacity > 0 && maxAgeSeconds > 0;
  }

  /** The verified result of {@code token}, or null if it is unknown or no longer usable. */
  T get(String token, Instant now) {
    Verified<T> v = tokens.get(token);
    if (v == null) {
      return null;
    }
    if (!now.isBefore(v.usableUntil())) {
      tokens.remove(token, v);
      return null;
    }
    return v.result();
  }

  /**
   * Keeps a verified token until its expiry ({@code exp}, epoch seconds) or {@code maxAge} from
   * now, whichever comes first. A token without an expiry, or already expired, is not kept.
   */
  void put(String token, T result, long expiresAtEpochSecond, Instant now) {
    if (!enabled() || expiresAtEpochSecond <= 0) {
      return;
    }
    Instant until = Instant.ofEpochSecond(expiresAtEpochSecond);
    Instant cap = now.plusSeconds(maxAgeSeconds);
    if (cap.isBefore(until)) {
      until = cap;
    }
    if (!now.isBefore(until)) {
      return;
    }
    if (tokens.size() >= capacity) {
      tokens.values().removeIf(v -> !now.isBefore(v.usableUntil()));
      if (tokens.size() >= capacity) {
        tokens.clear();
      }
    }
    tokens.put(token, new Verified<>(result, until));
  }

  int size() {
    return tokens.size();
  }
}
