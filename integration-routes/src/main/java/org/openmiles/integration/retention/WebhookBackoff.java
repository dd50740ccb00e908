package org.openmiles.integration.retention;

import java.time.Duration;

/**
 * The pauses between webhook attempts: {@code base} before the second attempt, doubling before each
 * further one, never more than {@code cap}; at most {@code attempts} attempts in all.
 */
public record WebhookBackoff(int attempts, Duration base, Duration cap) {

  public WebhookBackoff {
    if (attempts < 1) {
      throw new IllegalArgumentException("at least one attempt");
    }
    if (base.isNegative() || cap.compareTo(base) < 0) {
      throw new IllegalArgumentException("0 <= base <= cap");
    }
  }

  /** The pause after failed attempt {@code attempt} (1-based) before the next one. */
  public Duration after(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempts count from 1");
    }
    int shift = Math.min(attempt - 1, 30);
    long millis = base.toMillis() << shift;
    if (millis < 0
        || millis > cap.toMillis()
        || (shift > 0 && (millis >> shift) != base.toMillis())) {
      return cap;
    }
    return Duration.ofMillis(millis);
  }

  /** Whether another attempt follows failed attempt {@code attempt}. */
  public boolean again(int attempt) {
    return attempt < attempts;
  }
}
