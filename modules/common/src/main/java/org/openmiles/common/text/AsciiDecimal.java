package org.openmiles.common.text;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The one number grammar of OpenMiles files: an optional minus sign, ASCII digits {@code 0-9}, and
 * optionally a point followed by ASCII digits ({@code 12}, {@code -1}, {@code 170.50}). No plus
 * sign, exponent ({@code 2e0}), grouping, leading or trailing point, or digits of other scripts
 * (Arabic-Indic, full-width), all of which {@link BigDecimal#BigDecimal(String)} would accept.
 */
public final class AsciiDecimal {
  private AsciiDecimal() {}

  /** Whether {@code s} is a number of the grammar above. */
  public static boolean isDecimal(String s) {
    int i = !s.isEmpty() && s.charAt(0) == '-' ? 1 : 0;
    int start = i;
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
    if (i == start) {
      return false;
    }
    if (i == s.length()) {
      return true;
    }
    if (s.charAt(i) != '.' || i == s.length() - 1) {
      return false;
    }
    for (i++; i < s.length(); i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code s} is one or more ASCII digits, nothing else. */
  public static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The number, if {@code s} is one of the grammar above. */
  public static Optional<BigDecimal> parse(String s) {
    return isDecimal(s) ? Optional.of(new BigDecimal(s)) : Optional.empty();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
