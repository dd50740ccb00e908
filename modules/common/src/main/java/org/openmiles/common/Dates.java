package org.openmiles.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Dates as the API takes them: {@code yyyy-MM-dd}, a real calendar day, between {@link #EARLIEST}
 * and {@link #LATEST}. {@code LocalDate.parse} alone takes {@code +999999999-12-31} (which no
 * database column holds) and year 1.
 */
public final class Dates {
  public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
  public static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  private Dates() {}

  /**
   * The day {@code text} names.
   *
   * @throws IllegalArgumentException with a reason a caller can act on (the {@link Validator}'s)
   */
  public static LocalDate parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("is required");
    }
    LocalDate day;
    try {
      day = LocalDate.parse(text.strip(), DAY);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("must be a date as yyyy-MM-dd, for example 2026-12-31");
    }
    if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
      throw new IllegalArgumentException("must be between " + EARLIEST + " and " + LATEST);
    }
    return day;
  }
}
