package org.openmiles.common.web;

import java.util.regex.Pattern;
import org.openmiles.common.Validator;

/**
 * The one way to read a whole number from a query parameter (a page size, a count, a keyset id):
 * ASCII digits only, within bounds. Anything else is a {@code 400 VALIDATION_FAILED} naming the
 * parameter, never the {@code 404} that JAX-RS answers when it cannot convert an {@code int}
 * parameter itself, and never a sign, an exponent or another script's digits, which {@link
 * Long#parseLong} would accept.
 */
public final class QueryParams {
  /** The largest page most lists answer. */
  public static final int MAX_PAGE = 200;

  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");

  private QueryParams() {}

  /**
   * {@code text} as a whole number from {@code min} to {@code max}.
   *
   * @throws IllegalArgumentException saying what is accepted, for {@link Validator#check}
   */
  public static long wholeNumber(String text, long min, long max) {
    if (text == null || !DIGITS.matcher(text).matches()) {
      throw outOfRange(min, max);
    }
    long n;
    try {
      n = Long.parseLong(text);
    } catch (NumberFormatException tooLarge) {
      throw outOfRange(min, max);
    }
    if (n < min || n > max) {
      throw outOfRange(min, max);
    }
    return n;
  }

  /** The page size in {@code limit}: 1 to {@code max}, or 400 naming {@code limit}. */
  public static int limit(String text, int max) {
    return Validator.valid("limit", () -> (int) wholeNumber(text, 1, max));
  }

  private static IllegalArgumentException outOfRange(long min, long max) {
    return new IllegalArgumentException(
        max == Long.MAX_VALUE
            ? "must be a whole number of at least " + min
            : "must be a whole number from " + min + " to " + max);
  }
}
