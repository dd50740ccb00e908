package org.openmiles.it.accrual;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmiles.it.support.Api;
import org.openmiles.it.support.Claims;
import org.openmiles.it.support.Db;
import org.openmiles.it.support.FileDrop;
import org.openmiles.it.support.SharedServer;
import org.openmiles.it.support.SharedServer.OnSharedServer;

/**
 * The airline's own files through the real Camel routes on Payara Micro: flown coupons credit miles
 * with qualifying activity and tier bonus once per ticket + coupon; refunded, voided and exchanged
 * coupons take the credit back.
 */
@OnSharedServer
class AirlineFilesIT {
  private static final String DAY = LocalDate.now().minusDays(2).toString();

  @SharedServer.Url URL url;
  Api api;
  Path flown;

  @BeforeEach
  void setUp() {
    api = new Api(url);
    flown = FileDrop.filesRoot().resolve("airline").resolve("flown");
  }

  private static String ticket() {
    return FileDrop.ticket();
  }

  private static String coupon(
      String ticket, int no, char status, String member, String route, String cls, String fare) {
    return FileDrop.flownCoupon(ticket, no, status, member, "Nguyen", "213", DAY, route, cls, fare);
  }

  private static String file(String... lines) {
    return FileDrop.flownFile(lines);
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

  /** Qualifying spend on the member's ledger entries and in their monthly counters, in cents. */
  private static List<Long> spendCents(String member) {
    return List.of(
        Db.count(
            "select coalesce(sum(e.qualifying_spend * 100), 0)::bigint from accounts.ledger_entry e"
                + " join accounts.member m on m.id = e.member_id where m.member_number = ?",
            member),
        Db.count(
            "select coalesce(sum(qualifying_spend * 100), 0)::bigint from tiers.qualifying_month"
                + " where member_number = ?",
            member));
  }

  /**
   * With a program version in force whose Titanium counts spend in USD (put in force for this test
   * only, as an admin would), a coupon sold in VND counts its base fare converted by the seeded
   * rate (4,500,000 VND x 0.0000394 = 177.30 USD), one in USD its fare, one in a currency without a
   * rate is rejected NO_SPEND_RATE and nothing of it is recorded; the refund takes back exactly the
   * spend its credit counted; ledger and counters agree throughout (ADR 0020).
   */
  @Test
  void aCouponCountsItsFareAsQualifyingSpendInTheProgramCurrencyAndARefundTakesItBack()
      throws Exception {
    Db.update(
        "insert into tiers.tier_program (effective_from, qualification_period,"
            + " upgrade_immediately, review_drop_tiers, validity_periods, spend_currency)"
            + " select date '2002-01-01', qualification_period, upgrade_immediately,"
            + " review_drop_tiers, validity_periods, 'USD' from tiers.tier_program"
            + " where effective_from = date '2000-01-01'");
    Db.update(
        "insert into tiers.tier_definition (code, effective_from, tier_rank, name, qm_threshold,"
            + " qf_threshold, lifetime_qm_threshold, lifetime, flight_bonus_pct, qs_threshold)"
            + " select code, date '2002-01-01', tier_rank, name, qm_threshold, qf_threshold,"
            + " lifetime_qm_threshold, lifetime, flight_bonus_pct,"
            + " case code when 'TITANIUM' then 3000 end"
            + " from tiers.tier_definition where effective_from = date '2000-01-01'");
    try {
      String m = api.enroll("Nguyen");
      String t = ticket();
      String thb = ticket();
      String name = "spend-" + Api.unique() + ".csv";
      Map<String, String> ack =
          drop(
              name,
              file(
                  coupon(t, 1, 'F', m, "HAN-SGN", "Y", "4500000.00").replace(",USD\n", ",VND\n"),
                  coupon(t, 2, 'F', m, "SGN-HAN", "Y", "250.00"),
                  coupon(thb, 1, 'F', m, "SGN-HAN", "Y", "9000.00").replace(",USD\n", ",THB\n")));
      assertThat(ack).containsEntry("accepted", "2").containsEntry("rejected", "1");
      assertThat(rejectCodes(name)).containsExactly("4,NO_SPEND_RATE");
      assertThat(Db.count("select count(*) from accrual.flown_coupon where ticket_number = ?", thb))
          .isZero();
      assertThat(
              Db.count(
                  "select (qualifying_spend * 100)::bigint from accrual.flown_coupon"
                      + " where ticket_number = ? and coupon_no = 1",
                  t))
          .isEqualTo(17_730);
      assertThat(spendCents(m)).containsExactly(42_730L, 42_730L);

      Map<String, String> refund =
          drop(
              "spend-refund-" + Api.unique() + ".csv",
              file(coupon(t, 1, 'R', m, "HAN-SGN", "Y", "4500000.00").replace(",USD\n", ",VND\n")));
      assertThat(refund).containsEntry("reversed", "1");
      assertThat(spendCents(m)).containsExactly(25_000L, 25_000L);
      assertThat(Db.invariantViolations()).isEmpty();

      // a spend currency that is no ISO 4217 code (a typo an admin made in SQL) rejects each
      // coupon with a fare, with a reason saying what to correct; the rest of the file goes on
      Db.update(
          "update tiers.tier_program set spend_currency = 'XYZ'"
              + " where effective_from = date '2002-01-01'");
      String typo = "spend-typo-" + Api.unique() + ".csv";
      String t2 = ticket();
      Map<String, String> typoAck =
          drop(typo, file(coupon(t2, 1, 'F', m, "HAN-SGN", "Y", "120.00")));
      assertThat(typoAck).containsEntry("status", "PROCESSED").containsEntry("rejected", "1");
      assertThat(rejectCodes(typo)).containsExactly("2,SPEND_CURRENCY_UNKNOWN");
      assertThat(Db.count("select count(*) from accrual.flown_coupon where ticket_number = ?", t2))
          .isZero();
    } finally {
      Db.update("delete from tiers.tier_program where effective_from = date '2002-01-01'");
      Db.update("delete from tiers.tier_definition where effective_from = date '2002-01-01'");
    }
  }

  @Test
  void aFlightPromotionAddsBonusMilesThatARefundTakesBackToo() throws Exception {
    // a route no other test flies: double miles on CXR-HAN (this direction only), this day only
    String code = "IT_CXR_" + Api.unique().replaceAll("[^A-Za-z0-9]", "").toUpperCase();
    code = code.substring(0, Math.min(30, code.length()));
    Db.update("insert into accrual.promotion_code (code) values (?)", code);
    Db.update(
        "insert into accrual.promotion (code, name, kind, multiplier, applies_to, carrier_code,"
            + " origin_airport, destination_airport, both_directions, effective_from, effective_to,"
            + " version_from) values (?, 'IT double miles CXR-HAN', 'MULTIPLIER', 2.00, 'FLIGHT',"
            + " 'VN', 'CXR', 'HAN', false, ?, ?, ?)",
        code,
        LocalDate.parse(DAY),
        LocalDate.parse(DAY).plusDays(1),
        LocalDate.parse(DAY));
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
  void aRevenueBasedCarrierEarnsByFareAndTierWhateverTheFaresCurrency() throws Exception {
    // a partner airline on the revenue model: 5 miles per USD, Gold 8 (only the base rate
    // qualifies); rates in USD only, as an airline in Vietnam sets them
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
    String usd =
        coupon(ticket(), 1, 'F', gold, "HAN-SGN", "Y", "123.45").replace(",VN,VN,", ",QH,QH,");
    // EUR and VND fares are converted to USD by the effective-dated rates the program keeps for
    // qualifying spend (EUR 1.08, VND 0.0000394), then rated
    String eur =
        coupon(ticket(), 1, 'F', gold, "HAN-SGN", "Y", "100.00")
            .replace(",VN,VN,", ",QH,QH,")
            .replace(",USD", ",EUR");
    String vnd =
        coupon(ticket(), 1, 'F', gold, "HAN-SGN", "Y", "4500000.00")
            .replace(",VN,VN,", ",QH,QH,")
            .replace(",USD", ",VND");
    // a currency no rate converts: refused with a reason, nothing recorded
    String thb =
        coupon(ticket(), 1, 'F', gold, "HAN-SGN", "Y", "3000.00")
            .replace(",VN,VN,", ",QH,QH,")
            .replace(",USD", ",THB");
    String name = "revenue-" + Api.unique() + ".csv";
    Map<String, String> ack = drop(name, file(usd, eur, vnd, thb));
    // USD 123.45 x 8 = 987.6 -> 988; EUR 100.00 = 108.00 USD x 8 = 864; VND 4,500,000 = 177.30 USD
    // x 8 = 1418.4 -> 1418
    assertThat(ack).containsEntry("accepted", "3").containsEntry("miles_issued", "3270");
    assertThat(rejectCodes(name)).containsExactly("5,NO_REVENUE_RATE");
    assertThat(api.balance(gold).num("balance")).isEqualTo(988 + 864 + 1418);
    // qualifying at the base rate: 617.25 -> 617, 540, 886.5 -> 887
    assertThat(qualifyingMiles(gold)).isEqualTo(617 + 540 + 887);
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
    long balance = api.balanceOnceCredited(enrolled);
    assertThat(balance).as("credited after the enrollment committed").isEqualTo(y);
    assertThat(qualifyingMiles(enrolled)).isEqualTo(y);
  }

  // ---------------------------------------------------------------- missing-miles claims

  /** A coupon line with the passenger's last name and the flight number chosen. */
  private static String couponOf(
      String ticket,
      int no,
      char status,
      String member,
      String lastName,
      String flightNumber,
      String route,
      String cls) {
    return FileDrop.flownCoupon(
        ticket, no, status, member, lastName, flightNumber, DAY, route, cls, "100.00");
  }

  private static String claimBody(
      String ticket, Integer coupon, String flightNumber, String date, String route, String cls) {
    return Claims.body(ticket, coupon, flightNumber, date, route, cls);
  }

  private Api.Res claim(String member, String body) {
    return api.post("members/" + member + "/claims", body);
  }

  private static long ledgerEntries(String reference) {
    return Db.count("select count(*) from accounts.ledger_entry where source_ref = ?", reference);
  }

  private static long claimsOf(String member) {
    return Db.count(
        "select count(*) from accrual.missing_miles_claim where member_number = ?", member);
  }

  @Test
  void aClaimForAnUnclaimedCouponWithTheMembersNameIsCreditedAtOnceWithTierBonus()
      throws Exception {
    String gold = api.enroll("Nguyễn");
    Db.update(
        "insert into tiers.member_tier (member_number, tier_code, since) values (?, 'GOLD', ?)",
        gold,
        java.sql.Date.valueOf(LocalDate.now().minusYears(1)));
    String t = ticket();
    Map<String, String> ack =
        drop(
            "unclaimed-" + Api.unique() + ".csv",
            file(couponOf(t, 1, 'F', "", "NGUYEN", "213", "HAN-SGN", "Y")));
    assertThat(ack).containsEntry("parked", "1").containsEntry("miles_issued", "0");
    long y = baseMiles("Y", "HAN", "SGN");
    long bonus = (y + 1) / 2; // Gold +50 %, half up

    String body = claimBody(t, 1, "213", DAY, "HAN-SGN", "Y");
    Api.Res r = api.post("members/" + gold + "/claims", body, "claim-" + t);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.location()).endsWith("/api/v1/claims/" + r.num("id"));
    assertThat(r.str("status")).isEqualTo("CREDITED");
    assertThat(r.str("matchedCoupon")).isEqualTo(t + "/1");
    assertThat(r.num("milesCredited")).isEqualTo(y + bonus);
    assertThat(r.num("qualifyingMiles")).isEqualTo(y);
    assertThat(api.balance(gold).num("balance")).isEqualTo(y + bonus);
    assertThat(qualifyingMiles(gold)).isEqualTo(y);
    assertThat(qualifyingFlightsTimes100(gold)).isEqualTo(100);
    assertThat(ledgerEntries("F:" + t + ":1")).isEqualTo(1);
    assertThat(ledgerEntries("F:" + t + ":1:TB")).isEqualTo(1);
    assertThat(
            Db.count(
                "select count(*) from accrual.flown_coupon where ticket_number = ? and coupon_no = 1"
                    + " and state = 'CREDITED' and member_number = ? and bonus_miles = ?",
                t,
                gold,
                bonus))
        .isEqualTo(1);

    // a retry with the same Idempotency-Key answers the same claim and files nothing new
    Api.Res retry = api.post("members/" + gold + "/claims", body, "claim-" + t);
    assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
    assertThat(retry.num("id")).isEqualTo(r.num("id"));
    assertThat(retry.str("status")).isEqualTo("CREDITED");
    // the same key for another claim is refused
    Api.Res other =
        api.post(
            "members/" + gold + "/claims",
            claimBody(t, 2, "214", DAY, "SGN-HAN", "Y"),
            "claim-" + t);
    assertThat(other.status()).as(other.toString()).isEqualTo(422);
    assertThat(other.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    // the same claim again without the key is a duplicate
    Api.Res dup = claim(gold, body);
    assertThat(dup.status()).as(dup.toString()).isEqualTo(409);
    assertThat(dup.contentType()).startsWith("application/problem+json");
    assertThat(dup.code()).isEqualTo("DUPLICATE_CLAIM");
    assertThat(claimsOf(gold)).isEqualTo(1);
    assertThat(api.balance(gold).num("balance")).isEqualTo(y + bonus);

    Api.Res list = api.get("members/" + gold + "/claims");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.array()).hasSize(1);
    assertThat(list.array().getJsonObject(0).getJsonNumber("id").longValue())
        .isEqualTo(r.num("id"));
    assertThat(Db.invariantViolations()).isEmpty();
  }

  @Test
  void aPendingClaimIsCreditedOnceWhenALaterFileBringsTheCoupon() throws Exception {
    String m = api.enroll("Trần");
    String t = ticket();
    // no coupon number: matched by ticket, flight number and date
    Api.Res r = claim(m, claimBody(t, null, "0217", DAY, "HAN-DAD", "Y"));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.str("status")).isEqualTo("PENDING");
    assertThat(r.str("reasonCode")).isEqualTo("NO_FLOWN_DATA");
    assertThat(r.json().containsKey("resolvedAt")).isFalse();
    assertThat(api.balance(m).num("balance")).isZero();

    String content = file(couponOf(t, 2, 'F', "", "TRAN", "217", "HAN-DAD", "Y"));
    Map<String, String> ack = drop("later-" + Api.unique() + ".csv", content);
    assertThat(ack).containsEntry("parked", "1");
    long y = baseMiles("Y", "HAN", "DAD");
    Api.Res after = api.get("claims/" + r.num("id"));
    assertThat(after.str("status")).as(after.toString()).isEqualTo("CREDITED");
    assertThat(after.str("matchedCoupon")).isEqualTo(t + "/2");
    assertThat(after.num("milesCredited")).isEqualTo(y);
    assertThat(api.balance(m).num("balance")).isEqualTo(y);
    assertThat(qualifyingMiles(m)).isEqualTo(y);

    // the same coupon in another file earns nothing again
    Map<String, String> again =
        drop(
            "again-" + Api.unique() + ".csv",
            file(couponOf(t, 2, 'F', "", "TRAN", "217", "HAN-DAD", "Y")));
    assertThat(again).containsEntry("duplicates", "1").containsEntry("miles_issued", "0");
    assertThat(api.balance(m).num("balance")).isEqualTo(y);
    assertThat(ledgerEntries("F:" + t + ":2")).isEqualTo(1);
    assertThat(Db.invariantViolations()).isEmpty();
  }

  @Test
  void aClaimedCouponThatAFileCreditsToTheMemberEarnsOnce() throws Exception {
    String m = api.enroll("Nguyen");
    String t = ticket();
    Api.Res r = claim(m, claimBody(t, 1, "213", DAY, "HAN-SGN", "C"));
    assertThat(r.str("status")).as(r.toString()).isEqualTo("PENDING");
    Map<String, String> ack =
        drop(
            "with-number-" + Api.unique() + ".csv",
            file(coupon(t, 1, 'F', m, "HAN-SGN", "C", "250.00")));
    long c = baseMiles("C", "HAN", "SGN");
    assertThat(ack).containsEntry("accepted", "1").containsEntry("miles_issued", String.valueOf(c));
    Api.Res after = api.get("claims/" + r.num("id"));
    assertThat(after.str("status")).as(after.toString()).isEqualTo("CREDITED");
    assertThat(after.str("reasonCode")).isEqualTo("MATCHED_BY_FILE");
    assertThat(after.num("milesCredited")).isZero();
    assertThat(api.balance(m).num("balance")).isEqualTo(c);
    assertThat(ledgerEntries("F:" + t + ":1")).isEqualTo(1);

    // a claim for a coupon already credited to the member is refused and not kept
    String t2 = ticket();
    drop(
        "credited-" + Api.unique() + ".csv", file(coupon(t2, 1, 'F', m, "HAN-SGN", "C", "250.00")));
    Api.Res credited = claim(m, claimBody(t2, 1, "213", DAY, "HAN-SGN", "C"));
    assertThat(credited.status()).as(credited.toString()).isEqualTo(409);
    assertThat(credited.code()).isEqualTo("ALREADY_CREDITED");
    assertThat(claimsOf(m)).isEqualTo(1);
    assertThat(api.balance(m).num("balance")).isEqualTo(2 * c);
  }

  @Test
  void claimsOutsideTheWindowOrMalformedAreRefusedAndNothingIsKept() {
    String m = api.enroll("Nguyen");
    String old = LocalDate.now(java.time.ZoneOffset.UTC).minusMonths(12).minusDays(1).toString();
    Api.Res expired = claim(m, claimBody(ticket(), 1, "213", old, "HAN-SGN", "Y"));
    assertThat(expired.status()).as(expired.toString()).isEqualTo(422);
    assertThat(expired.code()).isEqualTo("CLAIM_WINDOW_EXPIRED");
    // the window's last day is still accepted
    String lastDay = LocalDate.now(java.time.ZoneOffset.UTC).minusMonths(12).toString();
    Api.Res inTime = claim(m, claimBody(ticket(), 1, "213", lastDay, "HAN-SGN", "Y"));
    assertThat(inTime.status()).as(inTime.toString()).isEqualTo(201);
    assertThat(inTime.str("status")).isEqualTo("PENDING");

    Api.Res badTicket = claim(m, claimBody("73812345", 1, "213", DAY, "HAN-SGN", "Y"));
    assertThat(badTicket.status()).as(badTicket.toString()).isEqualTo(400);
    assertThat(badTicket.code()).isEqualTo("VALIDATION_FAILED");
    assertThat(badTicket.json().getJsonObject("errors").getString("ticketNumber"))
        .startsWith("INVALID_TICKET_NUMBER");
    String tomorrow = LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
    Api.Res future = claim(m, claimBody(ticket(), 1, "213", tomorrow, "HAN-SGN", "Y"));
    assertThat(future.status()).as(future.toString()).isEqualTo(400);
    assertThat(future.json().getJsonObject("errors").containsKey("flightDate")).isTrue();
    String nobody = org.openmiles.accounts.api.MemberNumber.fromSequence(999_999_990L).value();
    Api.Res unknown = claim(nobody, claimBody(ticket(), 1, "213", DAY, "HAN-SGN", "Y"));
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo("MEMBER_NOT_FOUND");
    assertThat(claimsOf(m)).isEqualTo(1);
    Api.Res missing = api.get("claims/999999999");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.code()).isEqualTo("CLAIM_NOT_FOUND");
  }

  @Test
  void aNameMismatchGoesToAnAgentWhoApprovesItOnce() throws Exception {
    String m = api.enroll("Nguyen");
    String t = ticket();
    drop(
        "other-name-" + Api.unique() + ".csv",
        file(couponOf(t, 1, 'F', "", "TRAN", "213", "HAN-SGN", "J")));
    Api.Res r = claim(m, claimBody(t, 1, "213", DAY, "HAN-SGN", "J"));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.str("status")).isEqualTo("PENDING_REVIEW");
    assertThat(r.str("reasonCode")).isEqualTo("NAME_MISMATCH");
    assertThat(api.balance(m).num("balance")).isZero();
    long id = r.num("id");

    Api.Res queue = api.get("claims?status=PENDING_REVIEW&after=" + (id - 1) + "&limit=1");
    assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
    assertThat(queue.array()).hasSize(1);
    assertThat(queue.array().getJsonObject(0).getJsonNumber("id").longValue()).isEqualTo(id);

    // the deciding agent is the token's subject: a name in the body is not believed
    Api.Res ok =
        api.as("a.tran", "back-office")
            .post("claims/" + id + "/approve", "{\"agent\":\"mallory\",\"note\":\"married name\"}");
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    long j = baseMiles("J", "HAN", "SGN");
    assertThat(ok.str("status")).isEqualTo("CREDITED");
    assertThat(ok.str("reviewedBy")).isEqualTo("a.tran");
    assertThat(ok.num("milesCredited")).isEqualTo(j);
    assertThat(api.balance(m).num("balance")).isEqualTo(j);
    assertThat(qualifyingMiles(m)).isEqualTo(j);

    Api.Res twice = api.post("claims/" + id + "/approve", "{}");
    assertThat(twice.status()).as(twice.toString()).isEqualTo(409);
    assertThat(twice.code()).isEqualTo("CLAIM_ALREADY_RESOLVED");
    Api.Res rejectLate = api.post("claims/" + id + "/reject", "{\"reason\":\"late\"}");
    assertThat(rejectLate.status()).as(rejectLate.toString()).isEqualTo(409);
    assertThat(rejectLate.code()).isEqualTo("CLAIM_ALREADY_RESOLVED");
    assertThat(api.balance(m).num("balance")).isEqualTo(j);
    assertThat(ledgerEntries("F:" + t + ":1")).isEqualTo(1);
  }

  @Test
  void anAgentRejectsOrCreditsFromTheClaimAndALaterFileIsThenADuplicate() throws Exception {
    String m = api.enroll("Le");
    String t = ticket();
    String body = claimBody(t, null, "213", DAY, "HAN-SGN", "Y");
    Api.Res first = claim(m, body);
    assertThat(first.str("status")).as(first.toString()).isEqualTo("PENDING");
    Api.Res rejected =
        api.as("b.le", "back-office")
            .post(
                "claims/" + first.num("id") + "/reject",
                "{\"agent\":\"mallory\",\"reason\":\"no boarding pass\"}");
    assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
    assertThat(rejected.str("status")).isEqualTo("REJECTED");
    assertThat(rejected.str("reason")).isEqualTo("no boarding pass");
    assertThat(rejected.str("reviewedBy")).isEqualTo("b.le");
    Api.Res again = api.post("claims/" + first.num("id") + "/reject", "{\"reason\":\"x\"}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.code()).isEqualTo("CLAIM_ALREADY_RESOLVED");

    // a rejected claim does not block a new one for the same flight
    Api.Res second = claim(m, body);
    assertThat(second.status()).as(second.toString()).isEqualTo(201);
    assertThat(second.str("status")).isEqualTo("PENDING");
    Api.Res noCoupon = api.post("claims/" + second.num("id") + "/approve", "{}");
    assertThat(noCoupon.status()).as(noCoupon.toString()).isEqualTo(422);
    assertThat(noCoupon.code()).isEqualTo("COUPON_NUMBER_REQUIRED");
    Api.Res ok = api.post("claims/" + second.num("id") + "/approve", "{\"couponNumber\":3}");
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    long y = baseMiles("Y", "HAN", "SGN");
    assertThat(ok.str("status")).isEqualTo("CREDITED");
    assertThat(ok.str("matchedCoupon")).isEqualTo(t + "/3");
    assertThat(ok.num("milesCredited")).isEqualTo(y);
    assertThat(api.balance(m).num("balance")).isEqualTo(y);
    assertThat(qualifyingMiles(m)).isEqualTo(y);
    assertThat(
            Db.count(
                "select count(*) from accrual.flown_coupon where ticket_number = ? and coupon_no = 3"
                    + " and state = 'CREDITED' and member_number = ?",
                t,
                m))
        .isEqualTo(1);

    // the airline's file brings the coupon later (with the member's number): a duplicate
    Map<String, String> ack =
        drop(
            "after-approval-" + Api.unique() + ".csv",
            file(coupon(t, 3, 'F', m, "HAN-SGN", "Y", "90.00")));
    assertThat(ack).containsEntry("duplicates", "1").containsEntry("miles_issued", "0");
    assertThat(api.balance(m).num("balance")).isEqualTo(y);
    assertThat(ledgerEntries("F:" + t + ":3")).isEqualTo(1);
    assertThat(Db.invariantViolations()).isEmpty();
  }

  @Test
  void aClaimForARefundedCouponIsRejected() throws Exception {
    String m = api.enroll("Nguyen");
    String t = ticket();
    drop(
        "refunded-" + Api.unique() + ".csv",
        file(couponOf(t, 1, 'R', "", "NGUYEN", "213", "HAN-SGN", "Y")));
    Api.Res r = claim(m, claimBody(t, 1, "213", DAY, "HAN-SGN", "Y"));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.str("status")).isEqualTo("REJECTED");
    assertThat(r.str("reasonCode")).isEqualTo("COUPON_REVERSED");
    assertThat(r.json().containsKey("resolvedAt")).isTrue();
    assertThat(api.balance(m).num("balance")).isZero();
    assertThat(ledgerEntries("F:" + t + ":1")).isZero();
  }
}
