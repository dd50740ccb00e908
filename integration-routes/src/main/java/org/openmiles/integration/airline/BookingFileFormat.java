package org.openmiles.integration.airline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accrual.api.BookedPassenger;
import org.openmiles.accrual.api.BookedSegment;
import org.openmiles.accrual.api.Flight;
import org.openmiles.integration.common.BadRecord;
import org.openmiles.integration.common.Feed;
import org.openmiles.integration.common.SegmentFields;

/**
 * The reservation system's booking file, version 1: one passenger-segment per line, comma-separated
 * with RFC 4180 quoting. The file is a snapshot of the PNRs it carries; the header's file date
 * orders snapshots, so it is checked here (unlike the other formats).
 *
 * <pre>
 * H,OPENMILES-BOOKINGS,1,&lt;host carrier&gt;,&lt;file date yyyy-MM-dd&gt;,&lt;file reference&gt;
 * D,&lt;PNR&gt;,&lt;passenger no&gt;,&lt;last name&gt;,&lt;first name&gt;,&lt;member number&gt;,&lt;ticket number&gt;,
 *   &lt;segment no&gt;,&lt;marketing carrier&gt;,&lt;flight number&gt;,&lt;departure date&gt;,&lt;origin&gt;,
 *   &lt;destination&gt;,&lt;booking class&gt;,&lt;segment status&gt;
 * T,&lt;number of D records&gt;,&lt;sum of the flight numbers' digits&gt;
 * </pre>
 */
public final class BookingFileFormat {
  public static final String NAME = "OPENMILES-BOOKINGS";
  public static final String VERSION = "1";
  public static final int FIELDS = 15;

  /** How far ahead a departure may be: airlines sell about 330-360 days ahead. */
  public static final int MAX_DAYS_AHEAD = 366;

  private static final int FLIGHT = 9;
  private static final Pattern PNR = Pattern.compile("[A-Z0-9]{6}");
  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,2}");
  private static final Pattern TICKET = Pattern.compile("[0-9]{13}");
  private static final Pattern CARRIER = Pattern.compile("[A-Z0-9]{2}");
  private static final Pattern FLIGHT_NUMBER = Pattern.compile("([0-9]{1,4})([A-Z]?)");

  /** Real AIRIMP status codes that are not a booking's settled state, with what they mean. */
  private static final Map<String, String> NOT_SETTLED =
      Map.ofEntries(
          Map.entry("HN", "holds need: requested, not confirmed yet"),
          Map.entry("NN", "need: a request"),
          Map.entry("SS", "sell: a request"),
          Map.entry("PN", "pending need"),
          Map.entry("GK", "passive segment outside the inventory"),
          Map.entry("GL", "passive waitlist"),
          Map.entry("GN", "passive need"));

  private BookingFileFormat() {}

  /**
   * Checks the header against the host carrier and returns its file date, which orders the
   * snapshots: a date that is not a date, or later than tomorrow, would freeze every later file.
   */
  public static LocalDate checkHeader(List<String> f, String host, LocalDate today)
      throws BadRecord {
    Feed.checkHeader(f, host, NAME, VERSION, 6);
    LocalDate date;
    try {
      date = LocalDate.parse(f.get(4));
    } catch (DateTimeParseException e) {
      throw new BadRecord(
          "INVALID_FILE_DATE", "the header's file date '" + f.get(4) + "' is not yyyy-MM-dd");
    }
    if (date.isAfter(today.plusDays(1))) {
      throw new BadRecord(
          "INVALID_FILE_DATE",
          "the header's file date " + date + " is in the future; it orders the snapshots");
    }
    return date;
  }

  /**
   * The control amount of a detail line: the digits of its flight number ({@code 213A} counts 213),
   * or null if the field is missing or not a flight number.
   */
  public static BigDecimal controlAmount(List<String> f) {
    if (f.size() <= FLIGHT) {
      return null;
    }
    var m = FLIGHT_NUMBER.matcher(f.get(FLIGHT).strip());
    return m.matches() ? new BigDecimal(m.group(1)) : null;
  }

  /** Parses and checks one detail record of a file dated {@code fileDate}. */
  public static BookedSegment detail(
      List<String> f, long line, LocalDate today, int maxAgeMonths, LocalDate fileDate)
      throws BadRecord {
    if (f.size() != FIELDS) {
      throw new BadRecord(
          "WRONG_FIELD_COUNT",
          "a booking record has " + FIELDS + " fields, this one has " + f.size());
    }
    if (!f.get(0).equals("D")) {
      throw new BadRecord("UNKNOWN_RECORD_TYPE", "record type '" + f.get(0) + "' is not D");
    }
    String pnr = f.get(1).strip();
    if (!PNR.matcher(pnr).matches()) {
      throw new BadRecord(
          "INVALID_PNR", "PNR locator '" + pnr + "' must be 6 capital letters or digits");
    }
    int passenger = number(f.get(2), "INVALID_PASSENGER_NUMBER", "passenger number");
    String last = f.get(3).strip();
    String first = f.get(4).strip();
    SegmentFields.checkNames(last, first);
    MemberNumber member = SegmentFields.memberNumber(f.get(5));
    String ticket = f.get(6).strip();
    if (!ticket.isEmpty() && !TICKET.matcher(ticket).matches()) {
      throw new BadRecord(
          "INVALID_TICKET_NUMBER",
          "ticket number '" + ticket + "' must be empty or 13 digits (airline code + serial)");
    }
    int segment = number(f.get(7), "INVALID_SEGMENT_NUMBER", "segment number");
    String carrier = f.get(8).strip();
    if (!CARRIER.matcher(carrier).matches()) {
      throw new BadRecord(
          "INVALID_CARRIER",
          "the marketing carrier is a 2-character IATA code, not '" + carrier + "'");
    }
    var flight = FLIGHT_NUMBER.matcher(f.get(9).strip());
    if (!flight.matches()) {
      throw new BadRecord(
          "INVALID_FLIGHT_NUMBER",
          "flight number '" + f.get(9).strip() + "' must be 1-4 digits (+ letter)");
    }
    // stored without leading zeros, so that 0213 and 213 are the same flight
    String flightNumber = Integer.parseInt(flight.group(1)) + flight.group(2);
    LocalDate date = SegmentFields.date(f.get(10), "departure date");
    if (date.isBefore(today.minusMonths(maxAgeMonths))) {
      throw new BadRecord(
          "TOO_OLD", "departure date " + date + " is more than " + maxAgeMonths + " months ago");
    }
    if (date.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
      throw new BadRecord(
          "TOO_FAR_AHEAD",
          "departure date " + date + " is more than " + MAX_DAYS_AHEAD + " days ahead");
    }
    String origin = f.get(11).strip();
    String destination = f.get(12).strip();
    SegmentFields.checkRoute(origin, destination);
    String bookingClass = SegmentFields.bookingClass(f.get(13));
    String status = f.get(14).strip().toUpperCase(Locale.ROOT);
    if (NOT_SETTLED.containsKey(status)) {
      throw new BadRecord(
          "UNSUPPORTED_SEGMENT_STATUS",
          "segment status "
              + status
              + " ("
              + NOT_SETTLED.get(status)
              + ") is not a settled booking; send HK/KK/KL/TK/RR, HL/WL or UN/UC/NO/HX/XX");
    }
    if (BookedSegment.status(status).isEmpty()) {
      throw new BadRecord(
          "INVALID_SEGMENT_STATUS",
          "segment status '"
              + status
              + "' is not one of HK KK KL TK RR (confirmed), HL WL (waitlisted),"
              + " UN UC NO HX XX (cancelled)");
    }
    return new BookedSegment(
        pnr,
        passenger,
        segment,
        new BookedPassenger(last, first, member, ticket.isEmpty() ? null : ticket),
        new Flight(carrier, null, flightNumber, date, origin, destination),
        bookingClass,
        status,
        fileDate,
        line);
  }

  private static int number(String raw, String code, String what) throws BadRecord {
    String v = raw.strip();
    int n = NUMBER.matcher(v).matches() ? Integer.parseInt(v) : 0;
    if (n < 1) {
      throw new BadRecord(code, what + " must be 1 to 99, not '" + v + "'");
    }
    return n;
  }
}
