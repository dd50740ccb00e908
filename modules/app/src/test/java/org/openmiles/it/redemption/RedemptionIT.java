package org.openmiles.it.redemption;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmiles.it.support.Api;
import org.openmiles.it.support.Api.Res;
import org.openmiles.it.support.Db;
import org.openmiles.it.support.SharedServer;
import org.openmiles.it.support.SharedServer.OnSharedServer;

/**
 * Redemption and expiry over REST on a real Payara Micro and PostgreSQL: pricing, redeem with an
 * exact and an insufficient balance, two redemptions racing for the same miles, idempotent retries,
 * cancel once (fee, original expiry), nominees and family, upgrades by tier, partner vouchers,
 * expiry under both policies run twice and concurrently, extension packages, notices.
 *
 * <p>The inactivity test switches the program to the inactivity policy from today for the length of
 * one expiry run and then removes that row; the run applies to every member of the test database,
 * as it would in production.
 */
@OnSharedServer
class RedemptionIT {

  private static final String OFF_PEAK = "2027-03-10";

  @SharedServer.Url URL url;
  Api api;

  @BeforeEach
  void client() {
    api = new Api(url);
  }

  @AfterEach
  void ledgerStaysConsistent() {
    assertThat(Db.invariantViolations()).isEmpty();
  }

  private String member(long miles, String activityDate) {
    String m = api.enroll("Award");
    if (miles > 0) {
      Res c = api.credit(m, miles, "it-rd:" + Api.unique(), activityDate);
      assertThat(c.status()).as(c.toString()).isEqualTo(201);
    }
    return m;
  }

  private static String flight(String m, String from, String to, String cabin, String passenger) {
    return """
        {"member":"%s","flight":{"origin":"%s","destination":"%s","cabin":"%s","journey":"ONE_WAY",\
        "outbound":"%s"}%s}"""
        .formatted(
            m, from, to, cabin, OFF_PEAK, passenger == null ? "" : ",\"passenger\":" + passenger);
  }

  private Res redeem(String body) {
    return api.post("awards", body, "it-key-" + Api.unique());
  }

  private long balance(String m) {
    return api.balance(m).num("balance");
  }

  // --- pricing

  @Test
  void pricesFromTheSeededChart() {
    Res p = api.get("awards/price?origin=HAN&destination=SGN&cabin=ECONOMY&outbound=" + OFF_PEAK);
    assertThat(p.status()).as(p.toString()).isEqualTo(200);
    assertThat(p.num("milesPerPassenger")).isEqualTo(7_000);
    Res rt =
        api.get(
            "awards/price?origin=SGN&destination=NRT&cabin=BUSINESS&journey=ROUND_TRIP"
                + "&outbound=2027-05-25&return=2027-06-05&passengers=2");
    assertThat(rt.num("milesPerPassenger")).isEqualTo(90_000 + 105_000);
    assertThat(rt.num("totalMiles")).isEqualTo(2 * 195_000);
    assertThat(rt.str("routeGroup")).isEqualTo("VN_JP");
    Res none =
        api.get("awards/price?origin=NRT&destination=SFO&cabin=ECONOMY&outbound=" + OFF_PEAK);
    assertThat(none.status()).isEqualTo(422);
    assertThat(none.code()).isEqualTo("NO_AWARD_ROUTE");
    Res bad = api.get("awards/price?origin=HAN&destination=SGN&cabin=FIRST&outbound=x");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getJsonObject("errors").keySet()).contains("cabin", "outbound");
  }

  @Test
  void aNumberQueryParameterThatIsNoNumberIsA400NamingIt() {
    String m = api.enroll("Params");
    for (String[] c :
        new String[][] {
          {"members/" + m + "/awards?limit=abc", "limit"},
          {"members/" + m + "/awards?limit=0", "limit"},
          {"expiry/members?withinDays=x&limit=%2B5", "withinDays"},
          {
            "awards/price?origin=HAN&destination=SGN&cabin=ECONOMY&passengers=two&outbound="
                + OFF_PEAK,
            "passengers"
          },
        }) {
      Res r = api.get(c[0]);
      // JAX-RS itself answers 404 for an int parameter it cannot convert
      assertThat(r.status()).as(c[0] + " " + r).isEqualTo(400);
      assertThat(r.code()).isEqualTo("VALIDATION_FAILED");
      assertThat(r.json().getJsonObject("errors").keySet()).as(c[0]).contains(c[1]);
    }
    Res both = api.get("expiry/members?withinDays=x&limit=%2B5");
    assertThat(both.json().getJsonObject("errors").keySet()).contains("withinDays", "limit");
    assertThat(api.get("members/" + m + "/awards?limit=200").status()).isEqualTo(200);
  }

  // --- redeem

  @Test
  void redeemWithTheExactBalanceThenRefuseWithoutMiles() {
    String m = member(7_000, "2026-01-15");
    Res r = redeem(flight(m, "HAN", "SGN", "ECONOMY", null));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.str("reference")).matches("AW\\d{10}");
    assertThat(r.num("miles")).isEqualTo(7_000);
    assertThat(r.json().getJsonArray("spent").getJsonObject(0).getString("expiresOn"))
        .isEqualTo("2029-01-31");
    assertThat(balance(m)).isZero();
    long awards = Db.count("select count(*) from redemption.award where member_number = ?", m);
    Res no = redeem(flight(m, "HAN", "SGN", "ECONOMY", null));
    assertThat(no.status()).isEqualTo(422);
    assertThat(no.code()).isEqualTo("INSUFFICIENT_MILES");
    assertThat(Db.count("select count(*) from redemption.award where member_number = ?", m))
        .isEqualTo(awards);
    assertThat(api.get("awards/" + r.str("reference")).str("status")).isEqualTo("ISSUED");
    assertThat(api.get("members/" + m + "/awards").array()).hasSize(1);
  }

  @Test
  void aRetryWithTheSameKeyReturnsTheFirstAward() throws Exception {
    String m = member(20_000, "2026-01-15");
    String body = flight(m, "HAN", "DAD", "ECONOMY", null);
    String key = "it-retry-" + Api.unique();
    Res first = api.post("awards", body, key);
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    Res again = api.post("awards", body, key);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.str("reference")).isEqualTo(first.str("reference"));
    assertThat(again.json().getBoolean("replayed")).isTrue();
    assertThat(balance(m)).isEqualTo(13_000);
    Res other = api.post("awards", flight(m, "HAN", "SGN", "BUSINESS", null), key);
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    // concurrent retries of one new key: one award, one debit
    String key2 = "it-retry-" + Api.unique();
    List<Res> answers = race(4, () -> api.post("awards", body, key2));
    assertThat(answers).extracting(Res::status).containsOnly(200, 201);
    assertThat(answers.stream().map(a -> a.str("reference")).distinct()).hasSize(1);
    assertThat(balance(m)).isEqualTo(6_000);
  }

  @Test
  void twoRedemptionsRacingForTheSameMilesOneWins() throws Exception {
    String m = member(7_000, "2026-01-15");
    List<Res> answers = race(2, () -> redeem(flight(m, "HAN", "SGN", "ECONOMY", null)));
    assertThat(answers).extracting(Res::status).containsExactlyInAnyOrder(201, 422);
    assertThat(balance(m)).isZero();
    assertThat(Db.count("select count(*) from redemption.award where member_number = ?", m))
        .isEqualTo(1);
  }

  private static List<Res> race(int n, Callable<Res> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Res>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return call.call();
                }));
      }
      go.countDown();
      List<Res> out = new ArrayList<>();
      for (Future<Res> f : futures) {
        out.add(f.get(60, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  // --- cancel

  @Test
  void cancelRedepositsLessTheFeeWithTheOriginalExpiryOnce() {
    String m = member(10_000, "2026-01-15");
    Res r = redeem(flight(m, "HAN", "SGN", "ECONOMY", null));
    String ref = r.str("reference");
    // what a cancellation would do is shown first, and changes nothing
    Res q = api.get("awards/" + ref + "/cancellation");
    assertThat(q.status()).as(q.toString()).isEqualTo(200);
    assertThat(q.num("miles")).isEqualTo(7_000);
    assertThat(q.num("feeMiles")).isEqualTo(1_500);
    assertThat(q.num("redepositMiles")).isEqualTo(5_500);
    assertThat(q.num("lapsedMiles")).isZero();
    assertThat(q.json().getJsonArray("redeposit").getJsonObject(0).getString("expiresOn"))
        .isEqualTo("2029-01-31");
    assertThat(balance(m)).isEqualTo(3_000);
    Res c = api.post("awards/" + ref + "/cancel", null);
    assertThat(c.status()).as(c.toString()).isEqualTo(200);
    assertThat(c.str("status")).isEqualTo("CANCELLED");
    assertThat(c.num("cancelFeeMiles")).isEqualTo(1_500);
    assertThat(c.num("redepositedMiles")).isEqualTo(5_500);
    assertThat(balance(m)).isEqualTo(3_000 + 5_500);
    assertThat(
            Db.count(
                "select count(*) from accounts.expiry_lot l join accounts.ledger_entry e"
                    + " on e.id = l.entry_id where e.source_ref = ? and e.entry_type = 'REDEPOSIT'"
                    + " and l.expires_on = date '2029-01-31' and l.original = 5500",
                "AWX:" + ref + ":1"))
        .isEqualTo(1);
    Res twice = api.post("awards/" + ref + "/cancel", null);
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.code()).isEqualTo("ALREADY_CANCELLED");
    assertThat(api.get("awards/" + ref + "/cancellation").code()).isEqualTo("ALREADY_CANCELLED");
    assertThat(balance(m)).isEqualTo(8_500);
    assertThat(api.post("awards/AW0000000000/cancel", null).code()).isEqualTo("AWARD_NOT_FOUND");
  }

  // --- nominees, family, others

  @Test
  void nomineesTravelAtChartPriceOthersWithTheSurchargeChildrenUnderSixteen() {
    String m = member(100_000, "2026-01-15");
    Res nominee =
        api.post(
            "members/" + m + "/beneficiaries",
            """
            {"kind":"NOMINEE","firstName":"Lan","lastName":"Pham","birthDate":"1990-02-03"}""");
    assertThat(nominee.status()).as(nominee.toString()).isEqualTo(201);
    long nomineeId = nominee.num("id");
    Res n =
        redeem(
            flight(
                m,
                "HAN",
                "SGN",
                "ECONOMY",
                "{\"kind\":\"NOMINEE\",\"beneficiaryId\":" + nomineeId + "}"));
    assertThat(n.status()).as(n.toString()).isEqualTo(201);
    assertThat(n.num("miles")).isEqualTo(7_000);
    assertThat(n.str("passengerName")).isEqualTo("Lan Pham");

    Res other =
        redeem(
            flight(
                m,
                "HAN",
                "SGN",
                "ECONOMY",
                "{\"kind\":\"OTHER\",\"firstName\":\"Binh\",\"lastName\":\"Vo\"}"));
    assertThat(other.status()).isEqualTo(201);
    assertThat(other.num("surchargeMiles")).isEqualTo(2_100);
    assertThat(other.num("miles")).isEqualTo(9_100);

    Res notListed =
        redeem(
            flight(m, "HAN", "SGN", "ECONOMY", "{\"kind\":\"NOMINEE\",\"beneficiaryId\":999999}"));
    assertThat(notListed.status()).isEqualTo(422);
    assertThat(notListed.code()).isEqualTo("NOT_A_NOMINEE");

    long child =
        api.post(
                "members/" + m + "/beneficiaries",
                """
                {"kind":"FAMILY_CHILD","firstName":"Minh","lastName":"Pham","birthDate":"2016-05-05"}""")
            .num("id");
    long grown =
        api.post(
                "members/" + m + "/beneficiaries",
                """
                {"kind":"FAMILY_CHILD","firstName":"Hoa","lastName":"Pham","birthDate":"2005-05-05"}""")
            .num("id");
    assertThat(
            redeem(
                    flight(
                        m,
                        "HAN",
                        "SGN",
                        "ECONOMY",
                        "{\"kind\":\"FAMILY_CHILD\",\"beneficiaryId\":" + child + "}"))
                .status())
        .isEqualTo(201);
    Res tooOld =
        redeem(
            flight(
                m,
                "HAN",
                "SGN",
                "ECONOMY",
                "{\"kind\":\"FAMILY_CHILD\",\"beneficiaryId\":" + grown + "}"));
    assertThat(tooOld.status()).isEqualTo(422);
    assertThat(tooOld.code()).isEqualTo("NOT_A_FAMILY_CHILD");

    // the list holds 5 nominees at most
    for (int i = 0; i < 4; i++) {
      assertThat(
              api.post(
                      "members/" + m + "/beneficiaries",
                      """
                      {"kind":"NOMINEE","firstName":"N%d","lastName":"Le","birthDate":"1980-01-01"}"""
                          .formatted(i))
                  .status())
          .isEqualTo(201);
    }
    Res full =
        api.post(
            "members/" + m + "/beneficiaries",
            """
            {"kind":"NOMINEE","firstName":"Extra","lastName":"Le","birthDate":"1980-01-01"}""");
    assertThat(full.code()).isEqualTo("NOMINEE_LIMIT_REACHED");
    assertThat(api.get("members/" + m + "/beneficiaries").array()).hasSize(7);
  }

  // --- upgrades and partner awards

  @Test
  void upgradesForTitaniumAndAboveAndPartnerVouchers() {
    String m = member(30_000, "2026-01-15");
    String upgrade =
        "awards/upgrade-price?member=%s&origin=HAN&destination=SGN&carrier=VN&bookingClass=%s"
            + "&from=ECONOMY&to=BUSINESS&date="
            + OFF_PEAK;
    Res member = api.get(upgrade.formatted(m, "Y"));
    assertThat(member.status()).isEqualTo(422);
    assertThat(member.code()).isEqualTo("TIER_NOT_ELIGIBLE");
    Res o =
        api.post(
            "members/" + m + "/tier/overrides",
            """
            {"tier":"TITANIUM","reason":"status match","expiresOn":"2030-12-31"}""");
    assertThat(o.status()).as(o.toString()).isIn(200, 201);
    assertThat(api.get(upgrade.formatted(m, "Y")).num("totalMiles")).isEqualTo(8_000);
    assertThat(api.get(upgrade.formatted(m, "E")).code()).isEqualTo("CLASS_NOT_UPGRADABLE");
    Res up =
        redeem(
            """
            {"member":"%s","upgrade":{"origin":"HAN","destination":"SGN","carrier":"VN",\
            "bookingClass":"Y","from":"ECONOMY","to":"BUSINESS","date":"%s"}}"""
                .formatted(m, OFF_PEAK));
    assertThat(up.status()).as(up.toString()).isEqualTo(201);
    assertThat(up.str("kind")).isEqualTo("UPGRADE");

    assertThat(api.get("awards/partner-awards").array()).hasSizeGreaterThanOrEqualTo(3);
    Res voucher = redeem("{\"member\":\"%s\",\"partnerAward\":\"HOTEL_NIGHT\"}".formatted(m));
    assertThat(voucher.status()).as(voucher.toString()).isEqualTo(201);
    assertThat(voucher.num("miles")).isEqualTo(12_000);
    assertThat(balance(m)).isEqualTo(30_000 - 8_000 - 12_000);
    assertThat(redeem("{\"member\":\"%s\",\"partnerAward\":\"NOPE\"}".formatted(m)).code())
        .isEqualTo("PARTNER_AWARD_NOT_FOUND");
  }

  // --- expiry

  @Test
  void fixedTermExpiryRunTwiceAndConcurrentlyPostsOnce() throws Exception {
    String m = member(1_000, "2021-01-10"); // valid through 2024-01-31
    api.credit(m, 500, "it-rd:" + Api.unique(), LocalDate.now().toString());
    String today = LocalDate.now().toString();
    race(2, () -> api.post("ledger/jobs/miles-expiry?asOf=" + today, null));
    api.post("ledger/jobs/miles-expiry?asOf=" + today, null);
    assertThat(balance(m)).isEqualTo(500);
    assertThat(
            Db.count(
                "select count(*) from accounts.ledger_entry e join accounts.member m"
                    + " on m.id = e.member_id where m.member_number = ? and e.entry_type = 'EXPIRY'",
                m))
        .isEqualTo(1);
  }

  @Test
  void inactivityExpiresLapsedMembersOnlyAndActivityResetsIt() {
    String lapsed = member(800, "2024-06-10"); // lot valid through 2027-06-30
    String active = member(800, "2024-06-10");
    api.credit(active, 100, "it-rd:" + Api.unique(), LocalDate.now().minusDays(3).toString());
    String today = LocalDate.now().toString();
    Db.update(
        "insert into accounts.expiry_policy (effective_from, kind, months) values (?, 'INACTIVITY', 24)",
        LocalDate.now());
    try {
      api.post("ledger/jobs/miles-expiry?asOf=" + today, null);
      api.post("ledger/jobs/miles-expiry?asOf=" + today, null);
    } finally {
      Db.update("delete from accounts.expiry_policy where effective_from = ?", LocalDate.now());
    }
    assertThat(balance(lapsed)).isZero();
    assertThat(balance(active)).isEqualTo(900);
    assertThat(
            Db.count(
                "select count(*) from accounts.ledger_entry where source_ref = ?",
                "expiry-inactivity:" + lapsed + ":" + today))
        .isEqualTo(1);
  }

  @Test
  void extensionMovesTheSoonestExpiringMilesAndIsIdempotent() {
    String m = member(1_000, "2024-01-10"); // valid through 2027-01-31
    Res packages = api.get("expiry/packages");
    assertThat(packages.array().getJsonObject(0).getString("code")).isEqualTo("EXT_500_12M");
    String body =
        "{\"member\":\"%s\",\"packageCode\":\"EXT_500_12M\",\"paymentReference\":\"pay-%s\"}"
            .formatted(m, Api.unique());
    String key = "it-ext-" + Api.unique();
    Res bought = api.post("expiry/extensions", body, key);
    assertThat(bought.status()).as(bought.toString()).isEqualTo(201);
    assertThat(bought.num("milesExtended")).isEqualTo(500);
    var move = bought.json().getJsonArray("moves").getJsonObject(0);
    assertThat(move.getString("from")).isEqualTo("2027-01-31");
    assertThat(move.getString("to")).isEqualTo("2028-01-31");
    assertThat(bought.json().getJsonObject("price").getJsonNumber("amount").bigDecimalValue())
        .isEqualByComparingTo("15.00");
    assertThat(api.post("expiry/extensions", body, key).status()).isEqualTo(200);
    assertThat(balance(m)).isEqualTo(1_000);
    assertThat(
            Db.count(
                "select count(*) from accounts.expiry_lot l join accounts.member m"
                    + " on m.id = l.member_id where m.member_number = ? and l.remaining = 500"
                    + " and l.expires_on in (date '2027-01-31', date '2028-01-31')",
                m))
        .isEqualTo(2);
    String empty = member(0, null);
    Res none =
        api.post(
            "expiry/extensions",
            "{\"member\":\"%s\",\"packageCode\":\"EXT_500_12M\",\"paymentReference\":\"p\"}"
                .formatted(empty),
            "it-ext-" + Api.unique());
    assertThat(none.code()).isEqualTo("NO_EXPIRING_MILES");
  }

  @Test
  void expiringMembersAreListedAndNoticedOncePerWindow() {
    String m = member(700, "2023-12-10"); // valid through 2026-12-31, within 60 days
    List<String> listed = new ArrayList<>();
    String after = null;
    do {
      Res page =
          api.get(
              "expiry/members?withinDays=60&limit=50" + (after == null ? "" : "&after=" + after));
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      page.json()
          .getJsonArray("members")
          .forEach(x -> listed.add(x.asJsonObject().getString("member")));
      after = page.json().containsKey("nextAfter") ? page.str("nextAfter") : null;
    } while (after != null);
    assertThat(listed).contains(m).doesNotHaveDuplicates();
    api.post("expiry/notices", null);
    api.post("expiry/notices", null);
    assertThat(Db.count("select count(*) from redemption.expiry_notice where member_number = ?", m))
        .isEqualTo(1);
  }
}
