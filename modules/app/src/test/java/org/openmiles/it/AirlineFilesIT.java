package org.openmiles.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The airline's own files through the real Camel routes on Payara Micro: flown coupons credit miles
 * with qualifying activity and tier bonus once per ticket + coupon; refunded, voided and exchanged
 * coupons take the credit back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AirlineFilesIT {
  private static final String DAY = LocalDate.now().minusDays(2).toString();
  private static final AtomicLong TICKETS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.openmiles();
  }

  @ArquillianResource URL url;
  Api api;
  Path flown;

  @BeforeEach
  void setUp() {
    api = new Api(url);
    String root = System.getenv("OPENMILES_FILES_ROOT");
    assertThat(root).as("OPENMILES_FILES_ROOT is set by ./openmiles test").isNotBlank();
    flown = Path.of(root).resolve("airline").resolve("flown");
  }

  /** A fresh 13-digit ticket number (738 = Vietnam Airlines' accounting code). */
  private static String ticket() {
    return "738" + String.format("%010d", TICKETS.incrementAndGet() % 10_000_000_000L);
  }

  private static String coupon(
      String ticket, int no, char status, String member, String route, String cls, String fare) {
    String[] od = route.split("-");
    return String.join(
            ",",
            "D",
            ticket,
            String.valueOf(no),
            String.valueOf(status),
            member,
            "Nguyen",
            "An",
            "VN",
            "VN",
            "213",
            DAY,
            od[0],
            od[1],
            cls,
            cls + "OWVN",
            fare,
            "USD")
        + "\n";
  }

  private static String file(String... lines) {
    BigDecimal total = BigDecimal.ZERO;
    for (String l : lines) {
      total = total.add(new BigDecimal(l.split(",")[15]));
    }
    return "H,OPENMILES-FLOWN-COUPONS,1,VN,"
        + LocalDate.now()
        + ","
        + Api.unique()
        + "\n"
        + String.join("", lines)
        + "T,"
        + lines.length
        + ","
        + total.toPlainString()
        + "\n";
  }

  private Map<String, String> drop(String name, String content) throws Exception {
    return FileDrop.drop(flown, name, content);
  }

  private List<String> rejectCodes(String name) throws Exception {
    return FileDrop.rejectCodes(flown, name);
  }

  private long baseMiles(String cls, String from, String to) {
    Api.Res q =
        api.get(
            "reference/flight-miles?class=" + cls + "&from=" + from + "&to=" + to + "&date=" + DAY);
    assertThat(q.status()).as(q.toString()).isEqualTo(200);
    return q.num("baseMiles");
  }

  private static long qualifyingMiles(String member) {
    return Db.count(
        "select coalesce(sum(e.qualifying_miles), 0) from accounts.ledger_entry e"
            + " join accounts.member m on m.id = e.member_id where m.member_number = ?",
        member);
  }

  private static long qualifyingFlightsTimes100(String member) {
    return Db.count(
        "select coalesce(sum(e.qualifying_flights * 100), 0)::bigint from accounts.ledger_entry e"
            + " join accounts.member m on m.id = e.member_id where m.member_number = ?",
        member);
  }

  @Test
  void flownCouponsEarnBaseAndTierBonusWithQualifyingActivityOnce() throws Exception {
    String plain = api.enroll("Nguyen");
    String gold = api.enroll("Nguyen");
    Db.update(
        "insert into tiers.member_tier (member_number, tier_code, since) values (?, 'GOLD', ?)",
        gold,
        java.sql.Date.valueOf(LocalDate.now().minusYears(1)));
    String t1 = ticket();
    String t2 = ticket();
    String t3 = ticket();
    String content =
        file(
            coupon(t1, 1, 'F', plain, "HAN-SGN", "J", "300.00"),
            coupon(t2, 1, 'L', gold, "SGN-NRT", "Y", "500.00"),
            coupon(t2, 2, 'F', gold, "NRT-SGN", "Y", "500.00"),
            coupon(t3, 1, 'F', "", "SGN-PQC", "Y", "40.00"),
            coupon(ticket(), 1, 'O', plain, "HAN-DAD", "Y", "50.00"),
            coupon(ticket(), 1, 'F', plain, "HAN-XXX", "Y", "50.00"),
            coupon(ticket(), 1, 'F', plain, "HAN-SGN", "W", "50.00"),
            coupon("12345", 1, 'F', plain, "HAN-SGN", "Y", "50.00"),
            coupon(ticket(), 1, 'F', plain, "HAN-SGN", "Y", "50.00").replace(",Nguyen,", ",Le,"));
    String name = "flown-" + Api.unique() + ".csv";
    Map<String, String> ack = drop(name, content);

    long j = baseMiles("J", "HAN", "SGN");
    long y = baseMiles("Y", "SGN", "NRT");
    long bonus = (y + 1) / 2; // Gold: +50 %, rounded half up
    assertThat(ack)
        .containsEntry("status", "PROCESSED")
        .containsEntry("carrier", "VN")
        .containsEntry("records", "9")
        .containsEntry("accepted", "3")
        .containsEntry("parked", "2")
        .containsEntry("rejected", "4")
        .containsEntry("miles_issued", String.valueOf(j + 2 * (y + bonus)));
    assertThat(rejectCodes(name))
        .containsExactly(
            "6,COUPON_NOT_FLOWN",
            "7,UNKNOWN_AIRPORT",
            "8,CLASS_NOT_ELIGIBLE",
            "9,INVALID_TICKET_NUMBER");

    assertThat(api.balance(plain).num("balance")).isEqualTo(j);
    assertThat(qualifyingMiles(plain)).isEqualTo(j);
    assertThat(qualifyingFlightsTimes100(plain)).isEqualTo(100);
    // Gold: +50 % tier bonus, which is not qualifying
    assertThat(api.balance(gold).num("balance")).isEqualTo(2 * (y + bonus));
    assertThat(qualifyingMiles(gold)).isEqualTo(2 * y);
    assertThat(qualifyingFlightsTimes100(gold)).isEqualTo(200);
    assertThat(
            Db.count(
                "select count(*) from accrual.flown_coupon where ticket_number = ?"
                    + " and state = 'UNCLAIMED'",
                t3))
        .isEqualTo(1);

    // the same coupons in another file (a re-sent, re-numbered copy) earn nothing again
    Map<String, String> again =
        drop(
            "flown-again-" + Api.unique() + ".csv",
            file(
                coupon(t1, 1, 'F', plain, "HAN-SGN", "J", "300.00"),
                coupon(t2, 2, 'F', gold, "NRT-SGN", "Y", "500.00")));
    assertThat(again).containsEntry("duplicates", "2").containsEntry("miles_issued", "0");
    assertThat(api.balance(plain).num("balance")).isEqualTo(j);
    assertThat(Db.invariantViolations()).isEmpty();
  }

  @Test
  void refundedVoidedAndExchangedCouponsTakeBackWhatTheyEarned() throws Exception {
    String m = api.enroll("Nguyen");
    String t = ticket();
    String never = ticket();
    drop(
        "earn-" + Api.unique() + ".csv",
        file(
            coupon(t, 1, 'F', m, "HAN-SGN", "C", "250.00"),
            coupon(t, 2, 'F', m, "SGN-HAN", "C", "250.00")));
    long c = baseMiles("C", "HAN", "SGN");
    assertThat(api.balance(m).num("balance")).isEqualTo(2 * c);

    String name = "refund-" + Api.unique() + ".csv";
    Map<String, String> ack =
        drop(
            name,
            file(
                coupon(t, 2, 'R', m, "SGN-HAN", "C", "250.00"),
                coupon(never, 1, 'V', m, "HAN-DAD", "Y", "60.00")));
    assertThat(ack)
        .containsEntry("reversed", "2")
        .containsEntry("miles_reversed", String.valueOf(c))
        .containsEntry("rejected", "0");
    assertThat(api.balance(m).num("balance")).isEqualTo(c);
    assertThat(qualifyingMiles(m)).isEqualTo(c);
    assertThat(qualifyingFlightsTimes100(m)).isEqualTo(100);

    // a second refund of the same coupon takes nothing more; a voided coupon can no longer earn
    Map<String, String> later =
        drop(
            "later-" + Api.unique() + ".csv",
            file(
                coupon(t, 2, 'E', m, "SGN-HAN", "C", "250.00"),
                coupon(never, 1, 'F', m, "HAN-DAD", "Y", "60.00")));
    assertThat(later)
        .containsEntry("duplicates", "1")
        .containsEntry("rejected", "1")
        .doesNotContainKey("reversed");
    assertThat(api.balance(m).num("balance")).isEqualTo(c);
    assertThat(Db.invariantViolations()).isEmpty();
  }

  @Test
  void aFlightPromotionAddsBonusMilesThatARefundTakesBackToo() throws Exception {
    // a route no other test flies: double miles on CXR-HAN (this direction only), this day only
    String code = "IT_CXR_" + Api.unique().replaceAll("[^A-Za-z0-9]", "").toUpperCase();
    code = code.substring(0, Math.min(30, code.length()));
    Db.update(
        "insert into accrual.promotion (code, name, kind, multiplier, applies_to, carrier_code,"
            + " origin_airport, destination_airport, both_directions, effective_from, effective_to)"
            + " values (?, 'IT double miles CXR-HAN', 'MULTIPLIER', 2.00, 'FLIGHT', 'VN', 'CXR',"
            + " 'HAN', false, ?, ?)",
        code,
        LocalDate.parse(DAY),
        LocalDate.parse(DAY).plusDays(1));
    String m = api.enroll("Nguyen");
    String t = ticket();
    Map<String, String> ack =
        drop(
            "promo-" + Api.unique() + ".csv",
            file(
                coupon(t, 1, 'F', m, "CXR-HAN", "Y", "80.00"),
                coupon(t, 2, 'F', m, "HAN-CXR", "Y", "80.00")));
    long y = baseMiles("Y", "CXR", "HAN");
    assertThat(ack)
        .containsEntry("accepted", "2")
        .containsEntry("miles_issued", String.valueOf(2 * y))
        .containsEntry("bonus_miles", String.valueOf(y));
    assertThat(api.balance(m).num("balance")).isEqualTo(3 * y);
    assertThat(qualifyingMiles(m)).as("promotion miles do not qualify").isEqualTo(2 * y);

    Map<String, String> refund =
        drop(
            "promo-refund-" + Api.unique() + ".csv",
            file(coupon(t, 1, 'R', m, "CXR-HAN", "Y", "80.00")));
    assertThat(refund).containsEntry("miles_reversed", String.valueOf(2 * y));
    assertThat(api.balance(m).num("balance")).isEqualTo(y);
    assertThat(qualifyingMiles(m)).isEqualTo(y);
    assertThat(Db.invariantViolations()).isEmpty();
  }

  @Test
  void aRevenueBasedCarrierEarnsByFareAndTier() throws Exception {
    // a partner airline on the revenue model: 5 miles per USD, Gold 8 (only the base rate
    // qualifies)
    Db.update(
        "insert into accrual.flight_earn_model (carrier_code, effective_from, model)"
            + " values ('QH', date '2000-01-01', 'REVENUE') on conflict do nothing");
    Db.update(
        "insert into accrual.revenue_earn_rate (carrier_code, tier_code, currency, effective_from,"
            + " miles_per_unit) values ('QH', 'MEMBER', 'USD', date '2000-01-01', 5.00),"
            + " ('QH', 'GOLD', 'USD', date '2000-01-01', 8.00) on conflict do nothing");
    String gold = api.enroll("Nguyen");
    Db.update(
        "insert into tiers.member_tier (member_number, tier_code, since) values (?, 'GOLD', ?)",
        gold,
        java.sql.Date.valueOf(LocalDate.now().minusYears(1)));
    String qh =
        coupon(ticket(), 1, 'F', gold, "HAN-SGN", "Y", "123.45").replace(",VN,VN,", ",QH,QH,");
    String eur =
        coupon(ticket(), 1, 'F', gold, "HAN-SGN", "Y", "100.00")
            .replace(",VN,VN,", ",QH,QH,")
            .replace(",USD", ",EUR");
    String name = "revenue-" + Api.unique() + ".csv";
    Map<String, String> ack = drop(name, file(qh, eur));
    assertThat(ack).containsEntry("accepted", "1").containsEntry("miles_issued", "988");
    assertThat(rejectCodes(name)).containsExactly("3,NO_REVENUE_RATE");
    assertThat(api.balance(gold).num("balance")).isEqualTo(988); // 123.45 x 8 = 987.6
    assertThat(qualifyingMiles(gold)).isEqualTo(617); // 123.45 x 5 = 617.25
  }

  @Test
  void aCouponForAMemberNotYetEnrolledIsCreditedWhenTheyEnroll() throws Exception {
    String before = api.enroll("Nguyen");
    long seq = Long.parseLong(before.substring(0, 9));
    String next = org.openmiles.accounts.api.MemberNumber.fromSequence(seq + 1).value();
    Map<String, String> ack =
        drop(
            "park-" + Api.unique() + ".csv",
            file(coupon(ticket(), 1, 'F', next, "HAN-SGN", "Y", "90.00")));
    assertThat(ack).containsEntry("parked", "1").containsEntry("miles_issued", "0");
    String enrolled = api.enroll("Nguyen");
    assertThat(enrolled).isEqualTo(next);
    long y = baseMiles("Y", "HAN", "SGN");
    long balance = 0;
    for (int i = 0; i < 40 && balance == 0; i++) {
      Thread.sleep(100);
      balance = api.balance(enrolled).num("balance");
    }
    assertThat(balance).as("credited after the enrollment committed").isEqualTo(y);
    assertThat(qualifyingMiles(enrolled)).isEqualTo(y);
  }
}
