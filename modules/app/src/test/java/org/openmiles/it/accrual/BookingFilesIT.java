package org.openmiles.it.accrual;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmiles.it.support.Api;
import org.openmiles.it.support.Claims;
import org.openmiles.it.support.Db;
import org.openmiles.it.support.FileDrop;
import org.openmiles.it.support.SharedServer;
import org.openmiles.it.support.SharedServer.OnSharedServer;

/**
 * The reservation system's booking files through the real Camel route on Payara Micro: confirmed
 * segments of members show expected miles (base + tier bonus) until they are flown; a newer
 * snapshot updates a segment and an older one arriving later does not; a credited flown coupon
 * marks its booked segment FLOWN, and a refunded one unlinks it; a missing-miles claim links the
 * member's booked segment of its flight, which flies when the claim is credited (ADR 0022).
 * Bookings never touch the ledger.
 */
@OnSharedServer
class BookingFilesIT {
  /** The server's today (its clock is UTC). */
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

  private static final LocalDate D1 = TODAY.plusDays(30);
  private static final AtomicLong SEQ = new AtomicLong(System.nanoTime());

  @SharedServer.Url URL url;
  Api api;
  Path bookings;
  Path flown;

  @BeforeEach
  void setUp() {
    api = new Api(url);
    Path airline = FileDrop.filesRoot().resolve("airline");
    bookings = airline.resolve("bookings");
    flown = airline.resolve("flown");
  }

  /** A fresh PNR locator: 6 capital letters or digits. */
  private static String pnr() {
    String s = Long.toString(SEQ.incrementAndGet() % 60_466_176L, 36).toUpperCase();
    return "P" + "0".repeat(5 - s.length()) + s;
  }

  private static String ticket() {
    return FileDrop.ticket();
  }

  private static String seg(
      String pnr,
      int pax,
      String member,
      String ticket,
      int segment,
      String flight,
      LocalDate date,
      String route,
      String cls,
      String status) {
    String[] od = route.split("-");
    return String.join(
            ",",
            "D",
            pnr,
            String.valueOf(pax),
            "Nguyen",
            "An",
            member,
            ticket,
            String.valueOf(segment),
            "VN",
            flight,
            date.toString(),
            od[0],
            od[1],
            cls,
            status)
        + "\n";
  }

  /** A booking file dated {@code fileDate}; the trailer sums the flight numbers' digits. */
  private static String file(LocalDate fileDate, String... lines) {
    long total = 0;
    for (String l : lines) {
      String f = l.split(",")[9];
      if (f.matches("[0-9]{1,4}[A-Z]?")) {
        total += Long.parseLong(f.replaceAll("[A-Z]", ""));
      }
    }
    return "H,OPENMILES-BOOKINGS,1,VN,"
        + fileDate
        + ","
        + Api.unique()
        + "\n"
        + String.join("", lines)
        + "T,"
        + lines.length
        + ","
        + total
        + "\n";
  }

  /** The name of the last booking file dropped (its answers are named after it). */
  private String lastName;

  private Map<String, String> drop(String content) throws Exception {
    lastName = "bookings-" + Api.unique() + ".csv";
    return FileDrop.drop(bookings, lastName, content);
  }

  private long baseMiles(String cls, String from, String to, LocalDate date) {
    Api.Res q =
        api.get(
            "reference/flight-miles?class="
                + cls
                + "&from="
                + from
                + "&to="
                + to
                + "&date="
                + date);
    assertThat(q.status()).as(q.toString()).isEqualTo(200);
    return q.num("baseMiles");
  }

  private Api.Res pending(String member) {
    Api.Res r = api.get("members/" + member + "/pending-miles");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r;
  }

  private Api.Res booking(String pnr) {
    Api.Res r = api.get("bookings/" + pnr);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r;
  }

  private static List<JsonObject> upcoming(Api.Res pending) {
    return pending.json().getJsonArray("upcoming").getValuesAs(JsonObject.class);
  }

  /** A segment of a booking view by passenger and segment number. */
  private static JsonObject segment(Api.Res booking, int pax, int segment) {
    return booking.json().getJsonArray("passengers").getValuesAs(JsonObject.class).stream()
        .filter(p -> p.getInt("passengerNumber") == pax)
        .flatMap(p -> p.getJsonArray("segments").getValuesAs(JsonObject.class).stream())
        .filter(s -> s.getInt("segmentNumber") == segment)
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no segment " + pax + "/" + segment + " in " + booking));
  }

  @Test
  void aBookingFileShowsExpectedMilesWithTierBonusAndRejectsBadLines() throws Exception {
    String plain = api.enroll("Nguyen");
    String gold = api.enroll("Nguyen");
    Db.update(
        "insert into tiers.member_tier (member_number, tier_code, since) values (?, 'GOLD', ?)",
        gold,
        java.sql.Date.valueOf(TODAY.minusYears(1)));
    String a = pnr();
    String b = pnr();
    Map<String, String> ack =
        drop(
            file(
                TODAY,
                seg(a, 1, plain, "", 1, "201", D1, "HAN-SGN", "J", "HK"), // 2
                seg(a, 1, plain, "", 2, "0215", D1.plusDays(1), "HAN-XXX", "Y", "HK"), // 3
                seg(a, 1, plain, "", 3, "217", D1.plusDays(2), "HAN-SGN", "W", "KK"), // 4
                seg(b, 1, gold, ticket(), 1, "300", D1, "SGN-NRT", "Y", "HK"), // 5
                seg(b, 1, gold, "", 2, "301", D1.plusDays(7), "NRT-SGN", "Y", "WL"), // 6
                seg(b, 2, "", "", 1, "300", D1, "SGN-NRT", "Y", "HK"), // 7
                seg("AB", 1, plain, "", 1, "201", D1, "HAN-SGN", "J", "HK"), // 8
                seg(a, 2, plain, "", 1, "201", D1, "HAN-SGN", "J", "HN"), // 9
                seg(a, 3, plain, "", 1, "201", TODAY.plusDays(400), "HAN-SGN", "J", "HK"), // 10
                seg(a, 1, plain, "", 1, "201", D1, "HAN-SGN", "C", "HK"))); // 11

    assertThat(ack)
        .containsEntry("status", "PROCESSED")
        .containsEntry("carrier", "VN")
        .containsEntry("format", "OPENMILES-BOOKINGS 1")
        .containsEntry("records", "10")
        .containsEntry("accepted", "6")
        .containsEntry("duplicates", "0")
        .containsEntry("parked", "0")
        .containsEntry("rejected", "4")
        .containsEntry("miles_issued", "0")
        .containsEntry("control_total", "verified");
    assertThat(FileDrop.rejectCodes(bookings, lastName))
        .containsExactly(
            "8,INVALID_PNR",
            "9,UNSUPPORTED_SEGMENT_STATUS",
            "10,TOO_FAR_AHEAD",
            "11,DUPLICATE_IN_FILE");

    long j = baseMiles("J", "HAN", "SGN", D1);
    Api.Res p = pending(plain);
    assertThat(p.num("segments")).isEqualTo(3);
    assertThat(p.num("expectedMiles")).isEqualTo(j);
    assertThat(p.num("qualifyingMiles")).isEqualTo(j);
    List<JsonObject> up = upcoming(p);
    assertThat(up)
        .extracting(s -> s.getString("flightNumber") + ":" + s.getJsonNumber("expectedMiles"))
        .containsExactly("201:" + j, "215:0", "217:0");
    assertThat(up.get(0).getString("pnr")).isEqualTo(a);
    assertThat(up.get(0).getString("departureDate")).isEqualTo(D1.toString());
    assertThat(up.get(0).getString("bookingClass")).isEqualTo("J");
    assertThat(up.get(1).getString("reason")).isEqualTo("UNKNOWN_AIRPORT");
    assertThat(up.get(2).getString("reason")).isEqualTo("CLASS_NOT_ELIGIBLE");

    long y = baseMiles("Y", "SGN", "NRT", D1);
    long bonus = (y + 1) / 2; // Gold: +50 %, rounded half up
    Api.Res g = pending(gold);
    assertThat(g.num("segments")).as("the waitlisted segment is not pending").isEqualTo(1);
    assertThat(g.num("expectedMiles")).isEqualTo(y + bonus);
    assertThat(g.num("qualifyingMiles")).isEqualTo(y);
    JsonObject gs = upcoming(g).get(0);
    assertThat(gs.getJsonNumber("baseMiles").longValue()).isEqualTo(y);
    assertThat(gs.getJsonNumber("tierBonusMiles").longValue()).isEqualTo(bonus);
    assertThat(gs.getString("tierCode")).isEqualTo("GOLD");

    Api.Res view = booking(b);
    assertThat(view.json().getJsonArray("passengers")).hasSize(2);
    assertThat(segment(view, 1, 2).getString("state")).isEqualTo("WAITLISTED");
    assertThat(segment(view, 1, 2).getString("reason")).isEqualTo("NOT_CONFIRMED");
    assertThat(segment(view, 2, 1).getString("reason")).isEqualTo("NO_MEMBER_NUMBER");
    assertThat(segment(view, 2, 1).getJsonNumber("expectedMiles").longValue()).isZero();

    // bookings never post miles
    assertThat(api.balance(plain).num("balance")).isZero();
    assertThat(api.balance(gold).num("balance")).isZero();
    assertThat(api.get("bookings/ZZZZZ9").code()).isEqualTo("BOOKING_NOT_FOUND");
    assertThat(api.get("bookings/AB").code()).isEqualTo("VALIDATION_FAILED");
  }

  @Test
  void aNewerSnapshotUpdatesASegmentAndAnOlderOneArrivingLaterDoesNot() throws Exception {
    String m = api.enroll("Nguyen");
    String p = pnr();
    long y = baseMiles("Y", "HAN", "SGN", D1);
    long c = baseMiles("C", "HAN", "SGN", D1);

    assertThat(drop(file(TODAY.minusDays(1), seg(p, 1, m, "", 1, "245", D1, "HAN-SGN", "Y", "HK"))))
        .containsEntry("accepted", "1");
    assertThat(pending(m).num("expectedMiles")).isEqualTo(y);

    // a newer file cancels the segment: it leaves the pending miles
    assertThat(drop(file(TODAY, seg(p, 1, m, "", 1, "245", D1, "HAN-SGN", "Y", "XX"))))
        .containsEntry("accepted", "1");
    assertThat(pending(m).num("segments")).isZero();
    assertThat(pending(m).num("expectedMiles")).isZero();
    assertThat(segment(booking(p), 1, 1).getString("state")).isEqualTo("CANCELLED");

    // an older snapshot arriving later does not bring it back
    assertThat(drop(file(TODAY.minusDays(2), seg(p, 1, m, "", 1, "245", D1, "HAN-SGN", "Y", "HK"))))
        .containsEntry("accepted", "0")
        .containsEntry("duplicates", "1")
        .containsEntry("rejected", "0");
    assertThat(pending(m).num("segments")).isZero();
    assertThat(segment(booking(p), 1, 1).getString("segmentStatus")).isEqualTo("XX");

    // same file date, registered later: newer, so the rebooking in C counts
    assertThat(drop(file(TODAY, seg(p, 1, m, "", 1, "245", D1, "HAN-SGN", "C", "HK"))))
        .containsEntry("accepted", "1");
    Api.Res after = pending(m);
    assertThat(after.num("segments")).isEqualTo(1);
    assertThat(after.num("expectedMiles")).isEqualTo(c);
    assertThat(upcoming(after).get(0).getString("bookingClass")).isEqualTo("C");
  }

  @Test
  void aCreditedFlownCouponMarksItsBookedSegmentFlown() throws Exception {
    String m = api.enroll("Nguyen");
    String other = api.enroll("Nguyen");
    String p = pnr();
    String t = ticket();
    String otherTicket = ticket();
    LocalDate back = TODAY.plusDays(5);
    drop(
        file(
            TODAY,
            seg(p, 1, m, t, 1, "777", TODAY, "HAN-SGN", "Y", "HK"),
            seg(p, 1, m, t, 2, "778", back, "SGN-HAN", "Y", "HK"),
            // booked without a member number, flown with one: linked by the ticket number
            seg(p, 2, "", otherTicket, 1, "777", TODAY, "HAN-SGN", "Y", "HK")));
    long y = baseMiles("Y", "HAN", "SGN", TODAY);
    long yBack = baseMiles("Y", "SGN", "HAN", back);
    Api.Res before = pending(m);
    assertThat(before.num("segments")).as("departing today is still pending").isEqualTo(2);
    assertThat(before.num("expectedMiles")).isEqualTo(y + yBack);

    String coupons =
        "H,OPENMILES-FLOWN-COUPONS,1,VN,"
            + TODAY
            + ","
            + Api.unique()
            + "\n"
            + coupon(t, 1, m, "777", TODAY, "HAN", "SGN")
            + coupon(otherTicket, 1, other, "777", TODAY, "HAN", "SGN")
            + "T,2,200.00\n";
    assertThat(FileDrop.drop(flown, "flown-" + Api.unique() + ".csv", coupons))
        .containsEntry("accepted", "2")
        .containsEntry("miles_issued", String.valueOf(2 * y));

    Api.Res after = pending(m);
    assertThat(after.num("segments")).isEqualTo(1);
    assertThat(after.num("expectedMiles")).isEqualTo(yBack);
    assertThat(upcoming(after).get(0).getString("flightNumber")).isEqualTo("778");
    Api.Res view = booking(p);
    JsonObject flownSeg = segment(view, 1, 1);
    assertThat(flownSeg.getString("state")).isEqualTo("FLOWN");
    assertThat(flownSeg.getString("flownCoupon")).isEqualTo(t + "/1");
    assertThat(flownSeg.getJsonNumber("creditedMiles").longValue()).isEqualTo(y);
    assertThat(segment(view, 1, 2).getString("state")).isEqualTo("CONFIRMED");
    assertThat(segment(view, 2, 1).getString("state")).isEqualTo("FLOWN");
    assertThat(segment(view, 2, 1).getString("flownCoupon")).isEqualTo(otherTicket + "/1");

    // a booking file arriving after its coupon was credited is linked at once
    String late = pnr();
    String lateTicket = ticket();
    LocalDate past = TODAY.minusDays(2);
    FileDrop.drop(
        flown,
        "flown-" + Api.unique() + ".csv",
        "H,OPENMILES-FLOWN-COUPONS,1,VN,"
            + TODAY
            + ","
            + Api.unique()
            + "\n"
            + coupon(lateTicket, 1, m, "779", past, "HAN", "SGN")
            + "T,1,100.00\n");
    assertThat(drop(file(TODAY, seg(late, 1, m, "", 1, "779", past, "HAN-SGN", "Y", "HK"))))
        .containsEntry("accepted", "1");
    JsonObject linked = segment(booking(late), 1, 1);
    assertThat(linked.getString("state")).isEqualTo("FLOWN");
    assertThat(linked.getString("flownCoupon")).isEqualTo(lateTicket + "/1");
    assertThat(Db.invariantViolations()).isEmpty();
  }

  // ---------------------------------------------------------------- missing-miles claims (ADR
  // 0022)

  private Api.Res claim(
      String member, String ticket, Integer coupon, String flight, LocalDate date, String route) {
    Api.Res r =
        api.post(
            "members/" + member + "/claims",
            Claims.body(ticket, coupon, flight, date.toString(), route, "Y"));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    return r;
  }

  private static String unnamedCoupon(
      String ticket,
      int no,
      char status,
      String lastName,
      String flight,
      LocalDate date,
      String route) {
    return FileDrop.flownCoupon(
        ticket, no, status, "", lastName, flight, date.toString(), route, "Y", "100.00");
  }

  @Test
  void aClaimShowsItsBookedSegmentWhichFliesWhenTheClaimIsCreditedAndStaysWhenRejected()
      throws Exception {
    String m = api.enroll("Nguyen");
    String p = pnr();
    String t = ticket();
    LocalDate past = TODAY.minusDays(3);
    drop(
        file(
            TODAY,
            seg(p, 1, m, t, 1, "781", TODAY, "HAN-SGN", "Y", "HK"),
            seg(p, 1, m, t, 2, "782", past, "SGN-HAN", "Y", "HK")));
    long y = baseMiles("Y", "HAN", "SGN", TODAY);

    // no flown data yet: both claims wait, each linked to its booked segment
    Api.Res a = claim(m, t, 1, "781", TODAY, "HAN-SGN");
    assertThat(a.str("status")).isEqualTo("PENDING");
    JsonObject ab = a.json().getJsonObject("booking");
    assertThat(ab).as(a.toString()).isNotNull();
    assertThat(ab.getString("pnr")).isEqualTo(p);
    assertThat(ab.getInt("passengerNumber")).isEqualTo(1);
    assertThat(ab.getInt("segmentNumber")).isEqualTo(1);
    assertThat(ab.getString("bookingClass")).isEqualTo("Y");
    assertThat(ab.getString("segmentStatus")).isEqualTo("HK");
    assertThat(ab.getString("state")).isEqualTo("CONFIRMED");
    assertThat(ab.getBoolean("confirmed")).isTrue();
    Api.Res b = claim(m, t, 2, "782", past, "SGN-HAN");
    assertThat(b.json().getJsonObject("booking").getInt("segmentNumber")).isEqualTo(2);

    JsonObject s1 = segment(booking(p), 1, 1);
    assertThat(s1.getJsonNumber("claimId").longValue()).isEqualTo(a.num("id"));
    assertThat(s1.getString("claimStatus")).isEqualTo("PENDING");
    List<JsonObject> up = upcoming(pending(m));
    assertThat(up).hasSize(1);
    assertThat(up.get(0).getJsonNumber("claimId").longValue()).isEqualTo(a.num("id"));

    // the airline's file brings both coupons without a member number: the one in the member's
    // name credits claim a, the one in another name goes to an agent
    FileDrop.drop(
        flown,
        "flown-" + Api.unique() + ".csv",
        FileDrop.flownFile(
            unnamedCoupon(t, 1, 'F', "NGUYEN", "781", TODAY, "HAN-SGN"),
            unnamedCoupon(t, 2, 'F', "TRAN", "782", past, "SGN-HAN")));
    Api.Res credited = api.get("claims/" + a.num("id"));
    assertThat(credited.str("status")).as(credited.toString()).isEqualTo("CREDITED");
    assertThat(credited.json().getJsonObject("booking").getString("state")).isEqualTo("FLOWN");
    JsonObject flownSeg = segment(booking(p), 1, 1);
    assertThat(flownSeg.getString("state")).isEqualTo("FLOWN");
    assertThat(flownSeg.getString("flownCoupon")).isEqualTo(t + "/1");
    assertThat(flownSeg.getJsonNumber("creditedMiles").longValue()).isEqualTo(y);
    assertThat(flownSeg.getString("claimStatus")).isEqualTo("CREDITED");
    assertThat(pending(m).num("segments")).as("a FLOWN segment is never pending").isZero();
    assertThat(api.balance(m).num("balance")).isEqualTo(y);

    // the agent's queue shows claim b with the member's confirmed booking as evidence
    Api.Res queue = api.get("claims?status=PENDING_REVIEW&after=" + (b.num("id") - 1) + "&limit=1");
    assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
    JsonObject queued = queue.array().getJsonObject(0);
    assertThat(queued.getJsonNumber("id").longValue()).isEqualTo(b.num("id"));
    assertThat(queued.getString("reasonCode")).isEqualTo("NAME_MISMATCH");
    assertThat(queued.getJsonObject("booking").getBoolean("confirmed")).isTrue();
    assertThat(queued.getJsonObject("booking").getString("pnr")).isEqualTo(p);

    // rejected: the segment stays as it was, still showing the claim
    Api.Res rejected = api.post("claims/" + b.num("id") + "/reject", "{\"reason\":\"x\"}");
    assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
    JsonObject kept = segment(booking(p), 1, 2);
    assertThat(kept.getString("state")).isEqualTo("CONFIRMED");
    assertThat(kept.containsKey("flownCoupon")).isFalse();
    assertThat(kept.getString("claimStatus")).isEqualTo("REJECTED");
    assertThat(api.balance(m).num("balance")).isEqualTo(y);

    // the credited coupon is refunded later: its segment goes back to its booking state
    Map<String, String> refund =
        FileDrop.drop(
            flown,
            "refund-" + Api.unique() + ".csv",
            FileDrop.flownFile(unnamedCoupon(t, 1, 'R', "NGUYEN", "781", TODAY, "HAN-SGN")));
    assertThat(refund).containsEntry("reversed", "1");
    JsonObject unlinked = segment(booking(p), 1, 1);
    assertThat(unlinked.getString("state")).isEqualTo("CONFIRMED");
    assertThat(unlinked.containsKey("flownCoupon")).isFalse();
    assertThat(unlinked.containsKey("creditedMiles")).isFalse();
    assertThat(unlinked.getJsonNumber("expectedMiles").longValue()).isEqualTo(y);
    assertThat(pending(m).num("segments")).as("departing today, booked HK again").isEqualTo(1);
    assertThat(api.balance(m).num("balance")).isZero();
    assertThat(Db.invariantViolations()).isEmpty();
  }

  @Test
  void aBookingFileAfterTheClaimLinksItAndAnAgentsCreditFliesTheSegment() throws Exception {
    String m = api.enroll("Nguyen");
    String t = ticket();
    LocalDate past = TODAY.minusDays(4);
    Api.Res c = claim(m, t, null, "0785", past, "HAN-DAD");
    assertThat(c.str("status")).isEqualTo("PENDING");
    assertThat(c.json().containsKey("booking")).as("no booking file yet").isFalse();
    long id = c.num("id");

    String p = pnr();
    assertThat(
            drop(
                file(
                    TODAY,
                    seg(p, 1, m, "", 1, "785", past, "HAN-DAD", "Y", "HK"),
                    seg(p, 1, m, "", 2, "786", TODAY.plusDays(3), "DAD-HAN", "Y", "HK"))))
        .containsEntry("accepted", "2");
    Api.Res view = booking(p);
    assertThat(segment(view, 1, 1).getJsonNumber("claimId").longValue()).isEqualTo(id);
    assertThat(segment(view, 1, 1).getString("claimStatus")).isEqualTo("PENDING");
    assertThat(segment(view, 1, 2).containsKey("claimId")).isFalse();
    JsonObject linked = api.get("claims/" + id).json().getJsonObject("booking");
    assertThat(linked).isNotNull();
    assertThat(linked.getString("pnr")).isEqualTo(p);
    assertThat(linked.getBoolean("confirmed")).isTrue();
    JsonObject listed = api.get("members/" + m + "/claims").array().getJsonObject(0);
    assertThat(listed.getJsonObject("booking").getString("pnr")).isEqualTo(p);

    // an agent credits it from the claim's own flight data: the segment is flown with those miles
    Api.Res ok = api.post("claims/" + id + "/approve", "{\"couponNumber\":1}");
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(ok.str("status")).isEqualTo("CREDITED");
    assertThat(ok.json().getJsonObject("booking").getString("state")).isEqualTo("FLOWN");
    long y = baseMiles("Y", "HAN", "DAD", past);
    assertThat(ok.num("milesCredited")).isEqualTo(y);
    JsonObject flownSeg = segment(booking(p), 1, 1);
    assertThat(flownSeg.getString("state")).isEqualTo("FLOWN");
    assertThat(flownSeg.getString("flownCoupon")).isEqualTo(t + "/1");
    assertThat(flownSeg.getJsonNumber("creditedMiles").longValue()).isEqualTo(y);
    assertThat(segment(booking(p), 1, 2).getString("state")).isEqualTo("CONFIRMED");
    assertThat(Db.invariantViolations()).isEmpty();
  }

  private static String coupon(
      String ticket, int no, String member, String flight, LocalDate date, String o, String d) {
    return String.join(
            ",",
            "D",
            ticket,
            String.valueOf(no),
            "F",
            member,
            "Nguyen",
            "An",
            "VN",
            "VN",
            flight,
            date.toString(),
            o,
            d,
            "Y",
            "YOWVN",
            "100.00",
            "USD")
        + "\n";
  }
}
