package org.openmiles.accrual.api;

import java.time.LocalDate;
import java.util.Locale;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.common.Validator;

/**
 * File a missing-miles claim for {@code member}: the 13-digit ticket number (3-digit airline
 * accounting code + 10-digit serial), the coupon number if known (1-4), and the flight. Every
 * broken field is reported at once ({@link org.openmiles.common.ValidationException}); codes are
 * upper-cased. The flight date must not be in the future; whether it is still inside the claim
 * window is a business rule checked by the service.
 */
public record FileClaim(
    MemberNumber member,
    String ticketNumber,
    Integer couponNumber,
    String carrier,
    String flightNumber,
    LocalDate flightDate,
    String origin,
    String destination,
    String bookingClass) {

  public FileClaim {
    Validator v = new Validator();
    v.require(member != null, "memberNumber", "is required");
    v.require(
        ticketNumber != null && ticketNumber.strip().matches("\\d{13}"),
        "ticketNumber",
        "INVALID_TICKET_NUMBER: must be 13 digits (3-digit airline code + 10-digit serial)");
    v.require(
        couponNumber == null || (couponNumber >= 1 && couponNumber <= 4),
        "couponNumber",
        "must be 1 to 4 if given");
    carrier = upper(carrier);
    origin = upper(origin);
    destination = upper(destination);
    bookingClass = upper(bookingClass);
    flightNumber = flightNumber == null ? null : flightNumber.strip().toUpperCase(Locale.ROOT);
    v.require(
        carrier != null && carrier.matches("[A-Z0-9]{2}"),
        "carrier",
        "must be a 2-character IATA airline code");
    v.require(
        flightNumber != null && flightNumber.matches("\\d{1,4}[A-Z]?"),
        "flightNumber",
        "must be 1 to 4 digits with an optional suffix letter");
    v.require(flightDate != null, "flightDate", "is required (yyyy-MM-dd)");
    v.require(origin != null && origin.matches("[A-Z]{3}"), "origin", "must be a 3-letter code");
    v.require(
        destination != null && destination.matches("[A-Z]{3}") && !destination.equals(origin),
        "destination",
        "must be a 3-letter code other than the origin");
    v.require(
        bookingClass != null && bookingClass.matches("[A-Z]"),
        "bookingClass",
        "must be one letter");
    v.throwIfInvalid();
    ticketNumber = ticketNumber.strip();
    flightNumber = flightNumber.replaceFirst("^0+(?=\\d)", ""); // 0213 is flight 213
  }

  private static String upper(String s) {
    return s == null ? null : s.strip().toUpperCase(Locale.ROOT);
  }
}
