package org.openmiles.common.idempotency;

import org.openmiles.common.ValidationException;

/** The rules of an Idempotency-Key header: at most {@value #MAX_LENGTH} characters. */
public final class IdempotencyKeys {
  public static final int MAX_LENGTH = 120;
  public static final String HEADER = "Idempotency-Key";

  private IdempotencyKeys() {}

  /**
   * An optional key (enrollment, claims): absent is fine, present must be 1 to {@value #MAX_LENGTH}
   * characters, not blank.
   */
  public static void requireValidIfPresent(String key) {
    if (key != null && (key.isBlank() || key.length() > MAX_LENGTH)) {
      throw ValidationException.of(HEADER, "must be 1 to " + MAX_LENGTH + " characters");
    }
  }

  /**
   * A required key (every call that moves miles for a booking engine): present, 1 to {@value
   * #MAX_LENGTH} printable ASCII characters (it goes into a lock id and a log line as sent).
   */
  public static void requireWellFormed(String key) {
    if (key == null || key.isEmpty()) {
      throw new IdempotencyKeyRequiredException(
          "send an Idempotency-Key header (1-120 printable characters, unique per request)");
    }
    if (key.length() > MAX_LENGTH || !key.chars().allMatch(c -> c >= 32 && c < 127)) {
      throw ValidationException.of(
          HEADER, "must be 1 to " + MAX_LENGTH + " printable ASCII characters");
    }
  }
}
