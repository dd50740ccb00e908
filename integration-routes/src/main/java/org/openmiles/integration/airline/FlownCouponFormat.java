package org.openmiles.integration.airline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accrual.api.Fare;
import org.openmiles.accrual.api.Flight;
import org.openmiles.accrual.api.FlownCoupon;
import org.openmiles.common.text.AsciiDecimal;
import org.openmiles.integration.common.BadRecord;
import org.openmiles.integration.common.Feed;
import org.openmiles.integration.common.SegmentFields;

/**
 * The airline's flown-coupon file, version 1: one coupon per line, comma-separated with RFC 4180
 * quoting.
 *
 * <pre>
 * H,OPENMILES-FLOWN-COUPONS,1,&lt;host carrier&gt;,&lt;file date yyyy-MM-dd&gt;,&lt;file reference&gt;
 * D,&lt;ticket number&gt;,&lt;coupon&gt;,&lt;status&gt;,&lt;member number&gt;,&lt;last name&gt;,&lt;first name&gt;,
 *   &lt;marketing carrier&gt;,&lt;operating carrier&gt;,&lt;flight number&gt;,&lt;flight date&gt;,&lt;origin&gt;,
 *   &lt;destination&gt;,&lt;booking class&gt;,&lt;fare basis&gt;,&lt;base fare&gt;,&lt;currency&gt;
 * T,&lt;number of D records&gt;,&lt;sum of base fares&gt;
 * </pre>
 */
public final class FlownCouponFormat {
  public static final String NAME = "OPENMILES-FLOWN-COUPONS";
  public static final String VERSION = "1";
  public static final int FIELDS = 17;
  private static final int FARE = 15;
  private static final Pattern TICKET = Pattern.compile("[0-9]{13}");
  private static final Pattern CARRIER = Pattern.compile("[A-Z0-9]{2}");
  private static final Pattern FLIGHT = Pattern.compile("[0-9]{1,4}[A-Z]?");
  private static final Pattern FARE_BASIS = Pattern.compile("[A-Z0-9]{0,15}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final BigDecimal MAX_FARE = new BigDecimal("1000000000");

  /** IATA coupon status letters that neither earn nor reverse, with what they mean. */
  private static final Map<Character, String> NOT_FLOWN =
      Map.ofEntries(
          Map.entry('O', "open for use"),
          Map.entry('A', "airport control"),
          Map.entry('C', "checked in"),
          Map.entry('S', "suspended"),
          Map.entry('I', "irregular operations"),
          Map.entry('P', "printed"),
          Map.entry('X', "print exchange"),
          Map.entry('Z', "closed"),
          Map.entry('U', "unavailable"),
          Map.entry('G', "exchanged to FIM"),
          Map.entry('T', "ticketed"));

  private FlownCouponFormat() {}

  public static void checkHeader(List<String> f, String host) throws BadRecord {
    Feed.checkHeader(f, host, NAME, VERSION, 6);
  }

  /** The base fare of a detail line for the control total, or null if it is not a number. */
  public static BigDecimal fareOf(List<String> f) {
    return f.size() > FARE ? Feed.decimal(f.get(FARE).strip()) : null;
  }

  /** Parses and checks one detail record. */
  public static FlownCoupon detail(List<String> f, long line, LocalDate today, int maxAgeMonths)
      throws BadRecord {
    if (f.size() != FIELDS) {
      throw new BadRecord(
          "WRONG_FIELD_COUNT",
          "a coupon record has " + FIELDS + " fields, this one has " + f.size());
    }
    if (!f.get(0).equals("D")) {
      throw new BadRecord("UNKNOWN_RECORD_TYPE", "record type '" + f.get(0) + "' is not D");
    }
    String ticket = f.get(1).strip();
    if (!TICKET.matcher(ticket).matches()) {
      throw new BadRecord(
          "INVALID_TICKET_NUMBER",
          "ticket number '" + ticket + "' must be 13 digits (airline code + 10-digit serial)");
    }
    String c = f.get(2).strip();
    int coupon = c.length() == 1 && AsciiDecimal.isDigits(c) ? c.charAt(0) - '0' : 0;
    if (coupon < 1 || coupon > 4) {
      throw new BadRecord("INVALID_COUPON_NUMBER", "coupon number must be 1 to 4, not " + f.get(2));
    }
    String s = f.get(3).strip().toUpperCase(Locale.ROOT);
    if (s.length() != 1) {
      throw new BadRecord("INVALID_COUPON_STATUS", "coupon status must be one IATA letter");
    }
    char status = s.charAt(0);
    if (NOT_FLOWN.containsKey(status)) {
      throw new BadRecord(
          "COUPON_NOT_FLOWN",
          "coupon status "
              + status
              + " ("
              + NOT_FLOWN.get(status)
              + ") neither earns nor reverses; send the coupon once flown (F/L) or refunded,"
              + " voided or exchanged (R/V/E)");
    }
    if ("FLRVE".indexOf(status) < 0) {
      throw new BadRecord(
          "INVALID_COUPON_STATUS", "coupon status '" + status + "' is not an IATA status letter");
    }
    MemberNumber member = SegmentFields.memberNumber(f.get(4));
    String last = f.get(5).strip();
    String first = f.get(6).strip();
    SegmentFields.checkNames(last, first);
    String marketing = f.get(7).strip();
    String operating = f.get(8).strip();
    if (!CARRIER.matcher(marketing).matches() || !CARRIER.matcher(operating).matches()) {
      throw new BadRecord(
          "INVALID_CARRIER",
          "carriers are 2-character IATA codes, not '" + marketing + "'/'" + operating + "'");
    }
    String flight = f.get(9).strip();
    if (!FLIGHT.matcher(flight).matches()) {
      throw new BadRecord(
          "INVALID_FLIGHT_NUMBER", "flight number '" + flight + "' must be 1-4 digits (+ letter)");
    }
    LocalDate date = SegmentFields.date(f.get(10), "flight date");
    boolean earns = status == 'F' || status == 'L';
    if (earns && date.isAfter(today)) {
      throw new BadRecord("FUTURE_DATE", "flight date " + date + " is in the future");
    }
    if (earns && date.isBefore(today.minusMonths(maxAgeMonths))) {
      throw new BadRecord(
          "TOO_OLD", "flight date " + date + " is more than " + maxAgeMonths + " months ago");
    }
    String origin = f.get(11).strip();
    String destination = f.get(12).strip();
    SegmentFields.checkRoute(origin, destination);
    String bookingClass = SegmentFields.bookingClass(f.get(13));
    String fareBasis = f.get(14).strip();
    if (!FARE_BASIS.matcher(fareBasis).matches()) {
      throw new BadRecord(
          "INVALID_FARE_BASIS", "fare basis '" + fareBasis + "' must be up to 15 of A-Z 0-9");
    }
    BigDecimal fare = fareOf(f);
    if (fare == null || fare.signum() < 0 || fare.compareTo(MAX_FARE) > 0 || fare.scale() > 2) {
      throw new BadRecord(
          "INVALID_FARE",
          "base fare '"
              + f.get(FARE)
              + "' must be a number from 0 to 1,000,000,000 with at most"
              + " 2 decimals");
    }
    String currency = f.get(16).strip();
    if (!CURRENCY.matcher(currency).matches()) {
      throw new BadRecord(
          "INVALID_CURRENCY", "currency must be an ISO 4217 code, not '" + currency + "'");
    }
    return new FlownCoupon(
        ticket,
        coupon,
        status,
        member,
        last,
        first,
        new Flight(marketing, operating, flight, date, origin, destination),
        new Fare(bookingClass, fareBasis, fare, currency),
        line);
  }
}
