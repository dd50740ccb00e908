package org.openmiles.accrual.domain;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The program's rules for missing-miles claims that need no database: whether the passenger name on
 * a coupon is the member's, and whether a flight is still inside the claim window.
 */
public final class MissingMilesRules {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern IGNORED = Pattern.compile("[\\s.'\\-]+");

  private MissingMilesRules() {}

  /**
   * A last name reduced to what must match: Vietnamese (and other Latin) diacritics dropped, đ read
   * as d, spaces, dots, apostrophes and hyphens ignored, upper case. Booking systems write
   * "NGUYEN", members enroll as "Nguyễn", and "Le Van" is "LEVAN" on some tickets.
   */
  public static String normalizeName(String name) {
    if (name == null) {
      return "";
    }
    String s = name.replace('đ', 'd').replace('Đ', 'D');
    s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    s = IGNORED.matcher(s).replaceAll("");
    return s.toUpperCase(Locale.ROOT);
  }

  /** Whether the coupon's last name is the member's; an empty name never matches. */
  public static boolean namesMatch(String couponLastName, String memberLastName) {
    String a = normalizeName(couponLastName);
    return !a.isEmpty() && a.equals(normalizeName(memberLastName));
  }

  /**
   * Whether a claim for a flight on {@code flightDate} is accepted on {@code today}: up to {@code
   * months} months after the flight, that day included (a flight on 2026-01-31 may be claimed until
   * 2027-01-31 with 12 months; one on 2024-02-29 until 2025-02-28).
   */
  public static boolean withinWindow(LocalDate flightDate, LocalDate today, int months) {
    if (months < 0) {
      throw new IllegalArgumentException("claim window must not be negative");
    }
    return !today.isAfter(flightDate.plusMonths(months));
  }

  /** The last day a flight on {@code flightDate} can be claimed. */
  public static LocalDate lastClaimDay(LocalDate flightDate, int months) {
    return flightDate.plusMonths(months);
  }
}
