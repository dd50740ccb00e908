package org.openmiles.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Collects every field error of a command before refusing it, so a caller fixes all of them in one
 * round trip instead of one per attempt.
 */
public final class Validator {
  private final Map<String, String> errors = new LinkedHashMap<>();

  public Validator require(boolean ok, String field, String reason) {
    if (!ok && !errors.containsKey(field)) {
      errors.put(field, reason);
    }
    return this;
  }

  public Validator requireText(String value, String field, int maxLength) {
    if (value == null || value.isBlank()) {
      return require(false, field, "is required");
    }
    return require(
        value.length() <= maxLength, field, "must be at most " + maxLength + " characters");
  }

  /**
   * Runs a check that may throw {@link IllegalArgumentException}; its message becomes the reason.
   */
  public <T> T check(String field, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException | NullPointerException | java.time.DateTimeException e) {
      require(false, field, reason(e));
      return null;
    }
  }

  /**
   * The reason a caller reads: the parser's message, except where it would name a Java class (an
   * unknown enum constant: {@code No enum constant org.openmiles...}).
   */
  private static String reason(RuntimeException e) {
    String m = e.getMessage();
    if (m == null) {
      return "is required";
    }
    return m.startsWith("No enum constant") || m.contains("org.openmiles.") || m.contains("java.")
        ? "is not one of the accepted values"
        : m;
  }

  /** Parses one value, refusing at once with the parser's message as the reason. */
  public static <T> T valid(String field, Supplier<T> parse) {
    Validator v = new Validator();
    T value = v.check(field, parse);
    v.throwIfInvalid();
    return value;
  }

  public boolean ok() {
    return errors.isEmpty();
  }

  public void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }
}
