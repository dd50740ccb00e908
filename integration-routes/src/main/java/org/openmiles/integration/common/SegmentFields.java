package org.openmiles.integration.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.openmiles.accounts.api.MemberNumber;

/**
 * Checks of the fields that every airline segment record carries, whatever the file (flown coupons,
 * bookings): member number, passenger name, date, airports and booking class, each refused with the
 * same reason code in every format.
 */
public final class SegmentFields {
  private static final Pattern AIRPORT = Pattern.compile("[A-Z]{3}");
  private static final Pattern CLASS = Pattern.compile("[A-Z]");

  private SegmentFields() {}

  /** An optional member number: {@code null} when the field is blank. */
  public static MemberNumber memberNumber(String field) throws BadRecord {
    if (field.isBlank()) {
      return null;
    }
    try {
      return new MemberNumber(field.strip());
    } catch (RuntimeException e) {
      throw new BadRecord(
          "INVALID_MEMBER_NUMBER", "member number '" + field + "': " + e.getMessage());
    }
  }

  /** The passenger's last name is required; both names have at most 60 characters. */
  public static void checkNames(String last, String first) throws BadRecord {
    if (last.isEmpty() || last.length() > 60 || first.length() > 60) {
      throw new BadRecord(
          "INVALID_NAME", "the last name is required; names have at most 60 characters");
    }
  }

  /** A date in the form yyyy-MM-dd; {@code what} names it in the reason ("flight date"). */
  public static LocalDate date(String field, String what) throws BadRecord {
    String s = field.strip();
    try {
      LocalDate d = isoDate(s);
      return d != null ? d : LocalDate.parse(s);
    } catch (DateTimeException e) {
      throw new BadRecord(
          "INVALID_DATE", what + " '" + field + "' is not a date in the form yyyy-MM-dd");
    }
  }

  /**
   * A date of exactly ten characters {@code yyyy-MM-dd}, read without a formatter (a file record
   * has one or two); null for any other shape, which {@link LocalDate#parse} then decides on.
   * Throws {@link DateTimeException} for a day that does not exist, as the parser does.
   */
  static LocalDate isoDate(String s) {
    if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return null;
    }
    int y = digits(s, 0, 4);
    int m = digits(s, 5, 7);
    int d = digits(s, 8, 10);
    return y < 0 || m < 0 || d < 0 ? null : LocalDate.of(y, m, d);
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** Origin and destination: two different IATA airport codes. */
  public static void checkRoute(String origin, String destination) throws BadRecord {
    if (!AIRPORT.matcher(origin).matches()
        || !AIRPORT.matcher(destination).matches()
        || origin.equals(destination)) {
      throw new BadRecord(
          "INVALID_AIRPORT",
          "origin and destination are two different IATA airport codes, not '"
              + origin
              + "'/'"
              + destination
              + "'");
    }
  }

  /** A booking class: one letter A-Z. */
  public static String bookingClass(String field) throws BadRecord {
    String bookingClass = field.strip();
    if (!CLASS.matcher(bookingClass).matches()) {
      throw new BadRecord(
          "INVALID_BOOKING_CLASS", "booking class '" + bookingClass + "' must be one letter A-Z");
    }
    return bookingClass;
  }
}
