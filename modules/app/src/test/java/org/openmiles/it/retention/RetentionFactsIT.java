package org.openmiles.it.retention;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openmiles.it.support.Api;
import org.openmiles.it.support.Db;
import org.openmiles.it.support.FileDrop;
import org.openmiles.it.support.SharedServer;
import org.openmiles.it.support.SharedServer.OnSharedServer;

/**
 * Retention's member facts in the server: kept from the partner and flown-coupon files' postings
 * and the ledger's debits in the same transactions (revenue converted to the program currency, USD,
 * by the spend conversion rates), taken back by a refund, read through the API with the marketing
 * role, and proved by the rebuild, which also repairs facts that were tampered with.
 */
@OnSharedServer
class RetentionFactsIT {
  private static final LocalDate D1 = LocalDate.now().minusDays(9);
  private static final LocalDate D2 = LocalDate.now().minusDays(6);
  private static final LocalDate D3 = LocalDate.now().minusDays(4);

  @SharedServer.Url URL url;

  /** A partner file of one record whose quantity is {@code quantity}, with its trailer. */
  private static Map<String, String> dropPartner(String partner, String record, long quantity)
      throws Exception {
    return FileDrop.drop(
        FileDrop.partnerFolder(partner),
        partner.toLowerCase() + "-" + Api.unique() + ".csv",
        FileDrop.partnerHeader(partner) + record + "T,1," + quantity + "\n");
  }

  private static Map<String, String> dropFlown(String... coupons) throws Exception {
    Path flown = FileDrop.filesRoot().resolve("airline").resolve("flown");
    return FileDrop.drop(flown, "flown-" + Api.unique() + ".csv", FileDrop.flownFile(coupons));
  }

  private static String coupon(
      String ticket, char status, String member, LocalDate day, String fare) {
    return FileDrop.flownCoupon(
        ticket, 1, status, member, "Test", "213", day.toString(), "SGN-HAN", "Y", fare);
  }

  private static void assertMoney(JsonObject o, String field, String expected) {
    assertThat(o.getJsonNumber(field).bigDecimalValue()).as(field).isEqualByComparingTo(expected);
  }

  @Test
  void factsFollowTheFilesAndTheLedgerAndTheRebuildProvesAndRepairsThem() throws Exception {
    Api backOffice = new Api(url);
    Api marketing = new Api(url).as("it-marketing", "marketing");
    String member = backOffice.enroll("Test");
    String u = Api.unique();

    // a card spend and a hotel stay on D1, two flights on D2 and D3, one of them refunded later
    Map<String, String> bank =
        dropPartner(
            "DEMO_BANK",
            FileDrop.partnerRecord(
                "B" + u, member, "Test", D1.toString(), "SPEND", 2_000_000, "VND", "card"),
            2_000_000);
    assertThat(bank.toString()).contains("status=PROCESSED", "rejected=0");
    Map<String, String> hotel =
        dropPartner(
            "DEMO_HOTEL", FileDrop.stayNights("H" + u, member, D1.toString(), 2, "stay"), 2);
    assertThat(hotel.toString()).contains("status=PROCESSED", "rejected=0");
    String t1 = FileDrop.ticket();
    String t2 = FileDrop.ticket();
    Map<String, String> flights =
        dropFlown(coupon(t1, 'F', member, D2, "250.00"), coupon(t2, 'F', member, D3, "100.00"));
    assertThat(flights.toString()).contains("status=PROCESSED", "rejected=0");
    assertThat(backOffice.debit(member, 100, "it-award-" + u).status()).isEqualTo(201);

    Api.Res facts = marketing.get("retention/members/" + member + "/facts");
    assertThat(facts.status()).as(facts.toString()).isEqualTo(200);
    JsonObject f = facts.json();
    assertThat(f.getString("firstActivity")).isEqualTo(D1.toString());
    assertThat(f.getString("lastActivity")).isEqualTo(D3.toString());
    assertThat(f.getInt("activityDays")).as("the spend and the stay share a day").isEqualTo(3);
    assertMoney(f, "flights", "2");
    assertThat(f.getInt("partnerTransactions")).isEqualTo(2);
    // 250 + 100 USD of fares, and 2,000,000 VND at 0.0000394 USD = 78.80
    assertMoney(f, "revenue", "428.80");
    assertThat(f.getString("currency")).isEqualTo("USD");
    assertThat(f.getJsonNumber("milesRedeemed").longValue()).isEqualTo(100);
    long earned =
        Db.count(
            "select coalesce(sum(e.amount), 0) from accounts.ledger_entry e join accounts.member m"
                + " on m.id = e.member_id where m.member_number = ?"
                + " and e.entry_type in ('CREDIT', 'REVERSAL')",
            member);
    assertThat(f.getJsonNumber("milesEarned").longValue()).isEqualTo(earned).isPositive();
    assertThat(f.getJsonArray("partnerCategories").toString())
        .contains("\"category\":\"BANK\"", "\"category\":\"HOTEL\"", "78.8");
    assertThat(f.getString("enrolledOn")).isNotBlank();

    // the D3 flight is refunded: it no longer counts, and D3 is no longer an activity day
    Map<String, String> refund = dropFlown(coupon(t2, 'R', member, D3, "100.00"));
    assertThat(refund.toString()).contains("status=PROCESSED", "rejected=0");
    JsonObject after = marketing.get("retention/members/" + member + "/facts").json();
    assertThat(after.getInt("activityDays")).isEqualTo(2);
    assertThat(after.getString("lastActivity")).isEqualTo(D2.toString());
    assertMoney(after, "flights", "1");
    assertMoney(after, "revenue", "328.80");

    // the rebuild recomputes this member's facts to exactly what the events kept
    Api operations = new Api(url).as("it-ops", "operations");
    Api.Res rebuilt = operations.post("retention/facts/rebuild", "");
    assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
    assertThat(rebuilt.json().getJsonNumber("entriesRead").longValue()).isPositive();
    assertThat(rebuilt.json().getBoolean("repaired")).isFalse();
    assertThat(differences(member))
        .as("rebuilt facts of " + member + " against the kept ones")
        .isEmpty();
    assertThat(
            Db.count("select count(*) from retention.member_day where member_number = ?", member))
        .isEqualTo(2);

    // tampered facts are found and, on request, repaired
    Db.update("update retention.member_fact set revenue = 1 where member_number = ?", member);
    Db.update("delete from retention.member_day where member_number = ?", member);
    Api.Res repaired = operations.post("retention/facts/rebuild?repair=true", "");
    assertThat(repaired.status()).as(repaired.toString()).isEqualTo(200);
    assertThat(repaired.json().getJsonNumber("membersDiffering").longValue()).isPositive();
    assertThat(repaired.json().getJsonNumber("daysDiffering").longValue())
        .isGreaterThanOrEqualTo(2);
    assertThat(repaired.json().getBoolean("repaired")).isTrue();
    JsonObject fixed = marketing.get("retention/members/" + member + "/facts").json();
    assertMoney(fixed, "revenue", "328.80");
    assertThat(fixed.getInt("activityDays")).isEqualTo(2);
    Api.Res again = operations.post("retention/facts/rebuild", "");
    assertThat(again.json().getJsonNumber("membersDiffering").longValue()).isZero();
    assertThat(again.json().getJsonNumber("daysDiffering").longValue()).isZero();
  }

  @Test
  void aMemberWithoutFactsYetGetsThemFromTheirNextActivity() throws Exception {
    Api backOffice = new Api(url);
    Api marketing = new Api(url).as("it-marketing", "marketing");
    String member = backOffice.enroll("Test");
    // as for a member enrolled before the facts were kept: no row of theirs
    Db.update("delete from retention.member_fact where member_number = ?", member);
    String u = Api.unique();
    Map<String, String> hotel =
        dropPartner(
            "DEMO_HOTEL", FileDrop.stayNights("H" + u, member, D2.toString(), 3, "stay"), 3);
    assertThat(hotel.toString()).contains("status=PROCESSED", "rejected=0");
    Map<String, String> again =
        dropPartner(
            "DEMO_HOTEL", FileDrop.stayNights("I" + u, member, D1.toString(), 1, "stay"), 1);
    assertThat(again.toString()).contains("status=PROCESSED", "rejected=0");

    JsonObject f = marketing.get("retention/members/" + member + "/facts").json();
    assertThat(f.getInt("activityDays")).isEqualTo(2);
    assertThat(f.getString("firstActivity")).isEqualTo(D1.toString());
    assertThat(f.getString("lastActivity")).isEqualTo(D2.toString());
    assertThat(f.getInt("partnerTransactions")).isEqualTo(2);
    assertThat(f.getJsonNumber("milesEarned").longValue()).isPositive();
    assertThat(f.getJsonArray("partnerCategories").toString())
        .contains("\"category\":\"HOTEL\"", "\"transactions\":2");
  }

  @Test
  void twoPartnersFilesCreditedAtOnceOnTheSameMembersAndDaysKeepExactFacts() throws Exception {
    Api backOffice = new Api(url);
    List<String> members = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      members.add(backOffice.enroll("Test"));
    }
    String u = Api.unique();
    // each file: every member on each of six days, twice on the first (the same days in both)
    Callable<Map<String, String>> bank = () -> dropMany("DEMO_BANK", "B" + u, members, true);
    Callable<Map<String, String>> hotel = () -> dropMany("DEMO_HOTEL", "H" + u, members, false);
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      List<Future<Map<String, String>>> acks = two.invokeAll(List.of(bank, hotel));
      for (Future<Map<String, String>> ack : acks) {
        assertThat(ack.get().toString()).contains("status=PROCESSED", "rejected=0");
      }
    } finally {
      two.shutdownNow();
    }

    Api marketing = new Api(url).as("it-marketing", "marketing");
    for (String m : members) {
      JsonObject f = marketing.get("retention/members/" + m + "/facts").json();
      assertThat(f.getInt("activityDays")).as(m).isEqualTo(6);
      assertThat(f.getInt("partnerTransactions")).as(m).isEqualTo(14);
      assertThat(f.getString("firstActivity")).isEqualTo(D1.toString());
      assertThat(f.getString("lastActivity")).isEqualTo(D1.plusDays(5).toString());
    }
    Api.Res rebuilt = new Api(url).as("it-ops", "operations").post("retention/facts/rebuild", "");
    assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
    for (String m : members) {
      assertThat(differences(m)).as("rebuilt facts of " + m + " against the kept ones").isEmpty();
    }
  }

  /** A partner file of seven records per member (two on the first of six days), credited. */
  private static Map<String, String> dropMany(
      String partner, String prefix, List<String> members, boolean spend) throws Exception {
    StringBuilder records = new StringBuilder();
    long quantity = 0;
    int n = 0;
    for (String m : members) {
      for (int d = 0; d < 7; d++) {
        String day = D1.plusDays(Math.max(0, d - 1)).toString();
        String tx = prefix + "-" + m + "-" + d;
        records.append(
            spend
                ? FileDrop.partnerRecord(tx, m, "Test", day, "SPEND", 2_000_000, "VND", "card")
                : FileDrop.stayNights(tx, m, day, 1, "stay"));
        quantity += spend ? 2_000_000 : 1;
        n++;
      }
    }
    return FileDrop.drop(
        FileDrop.partnerFolder(partner),
        partner.toLowerCase() + "-" + prefix + ".csv",
        FileDrop.partnerHeader(partner) + records + "T," + n + "," + quantity + "\n");
  }

  @Test
  void factsNeedARoleThatMayReadThemAndAKnownMember() {
    Api marketing = new Api(url).as("it-marketing", "marketing");
    assertThat(marketing.get("retention/members/0000000000/facts").status()).isIn(400, 404);
    String member = new Api(url).enroll("Test");
    Api.Res none = marketing.get("retention/members/" + member + "/facts");
    assertThat(none.status()).isEqualTo(200);
    assertThat(none.json().getInt("activityDays")).isZero();
    assertThat(Api.anonymous(url).get("retention/members/" + member + "/facts").status())
        .isEqualTo(401);
    assertThat(
            new Api(url)
                .as("it-partner", "partner")
                .get("retention/members/" + member + "/facts")
                .status())
        .isEqualTo(403);
    assertThat(marketing.post("retention/facts/rebuild", "").status()).isEqualTo(403);
  }

  @Test
  void theEnrollmentFormsMarketingConsentIsTheMembersConsentToEmailAndNothingElse() {
    Api backOffice = new Api(url);
    String u = Api.unique();
    Api.Res yes =
        backOffice.post(
            "members",
            """
            {"firstName":"Mai","lastName":"Consent","email":"it-c-%s@example.org",\
            "birthDate":"1990-01-02","country":"VN","marketingConsent":true}"""
                .formatted(u));
    assertThat(yes.status()).as(yes.toString()).isEqualTo(201);
    String member = yes.str("number");
    Api.Res consents = backOffice.get("retention/members/" + member + "/consents");
    assertThat(consents.status()).as(consents.toString()).isEqualTo(200);
    assertThat(consents.json().getJsonArray("current")).hasSize(1);
    JsonObject email = consents.json().getJsonArray("current").getJsonObject(0);
    assertThat(email.getString("channel")).isEqualTo("EMAIL");
    assertThat(email.getBoolean("granted")).isTrue();
    assertThat(email.getString("source")).isEqualTo("ENROLLMENT");
    String without = backOffice.enroll("Test"); // marketingConsent false
    assertThat(
            backOffice
                .get("retention/members/" + without + "/consents")
                .json()
                .getJsonArray("current"))
        .isEmpty();
  }

  /**
   * The journal (ADR 0041): rows a chunk appended count in a member's facts before the folder moves
   * them and after, the same; rows that take it all back empty the member's days and categories
   * once folded. Written straight into the journal, as a chunk would, to see both sides for sure.
   */
  @Test
  void journalRowsCountTheSameBeforeAndAfterTheyAreFolded() throws Exception {
    Api marketing = new Api(url).as("it-marketing", "marketing");
    String member = new Api(url).enroll("Test");
    JsonObject before = marketing.get("retention/members/" + member + "/facts").json();
    journal(member, 1);

    JsonObject pending = marketing.get("retention/members/" + member + "/facts").json();
    assertThat(pending.getInt("activityDays"))
        .as("a flight and a stay on D1, a stay on D2")
        .isEqualTo(2);
    assertThat(pending.getString("firstActivity")).isEqualTo(D1.toString());
    assertThat(pending.getString("lastActivity")).isEqualTo(D2.toString());
    assertMoney(pending, "flights", "1");
    assertThat(pending.getInt("partnerTransactions")).isEqualTo(3);
    assertMoney(pending, "revenue", "175.50");
    assertThat(pending.getJsonNumber("milesEarned").longValue())
        .isEqualTo(before.getJsonNumber("milesEarned").longValue() + 1_700);
    assertThat(pending.getJsonNumber("milesRedeemed").longValue())
        .isEqualTo(before.getJsonNumber("milesRedeemed").longValue() + 400);
    assertThat(pending.getJsonArray("partnerCategories").toString())
        .contains("\"category\":\"HOTEL\"", "\"transactions\":3");

    awaitFolded(member);
    assertThat(
            Db.count("select count(*) from retention.member_day where member_number = ?", member))
        .as("the folded days")
        .isEqualTo(2);
    assertThat(
            Db.count(
                "select activity_days from retention.member_fact where member_number = ?", member))
        .isEqualTo(2);
    JsonObject folded = marketing.get("retention/members/" + member + "/facts").json();
    assertThat(folded.toString()).isEqualTo(pending.toString());

    journal(member, -1);
    JsonObject back = marketing.get("retention/members/" + member + "/facts").json();
    assertThat(back.getInt("activityDays")).as("taken back, not yet folded").isZero();
    assertThat(back.getJsonArray("partnerCategories")).isEmpty();
    awaitFolded(member);
    assertThat(
            Db.count("select count(*) from retention.member_day where member_number = ?", member))
        .isZero();
    assertThat(
            Db.count(
                "select count(*) from retention.member_partner_category where member_number = ?",
                member))
        .isZero();
    assertThat(marketing.get("retention/members/" + member + "/facts").json().toString())
        .isEqualTo(back.toString())
        .isEqualTo(before.toString());
  }

  /** A flight (120.50 USD) and two stays on D1, a stay on D2 (55), miles outside activity. */
  private static void journal(String member, int sign) {
    Db.update(
        "insert into retention.fact_journal (member_number, activity_date, category, flights,"
            + " partner_transactions, revenue, miles, earned, redeemed) values"
            + " (?, ?, null, ?, 0, ?, ?, ?, 0), (?, ?, 'HOTEL', 0, ?, 0, ?, ?, 0),"
            + " (?, ?, 'HOTEL', 0, ?, ?, ?, ?, 0), (?, null, null, 0, 0, 0, 0, ?, ?)",
        member,
        java.sql.Date.valueOf(D1),
        sign,
        new java.math.BigDecimal("120.50").multiply(java.math.BigDecimal.valueOf(sign)),
        sign * 500L,
        sign * 500L,
        member,
        java.sql.Date.valueOf(D1),
        2 * sign,
        sign * 600L,
        sign * 600L,
        member,
        java.sql.Date.valueOf(D2),
        sign,
        new java.math.BigDecimal("55.00").multiply(java.math.BigDecimal.valueOf(sign)),
        sign * 300L,
        sign * 300L,
        member,
        sign * 300L,
        sign * 400L);
  }

  /**
   * Waits for the folder to take the member's journal rows: at most 150 s, past the 120 s after
   * which the folder folds even while other activity keeps the journal busy (a server shared with
   * earlier test classes may still be writing their events' facts).
   */
  private static void awaitFolded(String member) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      if (Db.count("select count(*) from retention.fact_journal where member_number = ?", member)
          == 0) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the folder left " + member + "'s journal rows for 150 s");
  }

  /** The member's rows that differ between the kept and the rebuilt facts, table by table. */
  private static String differences(String member) {
    String[][] pairs = {
      {
        "member_fact",
        "enrolled_on, first_activity, last_activity, activity_days, flights,"
            + " partner_transactions, revenue, miles_earned, miles_redeemed"
      },
      {"member_day", "activity_date, flights, partner_transactions, revenue, miles_earned"},
      {"member_partner_category", "category, transactions, spend"}
    };
    StringBuilder out = new StringBuilder();
    for (String[] p : pairs) {
      String sql =
          ("select 'kept ' || row(%2$s)::text from (select %2$s from retention.%1$s"
                  + " where member_number = ? except select %2$s from retention.rebuild_%1$s"
                  + " where member_number = ?) a union all"
                  + " select 'rebuilt ' || row(%2$s)::text from (select %2$s"
                  + " from retention.rebuild_%1$s where member_number = ? except select %2$s"
                  + " from retention.%1$s where member_number = ?) b")
              .formatted(p[0], p[1]);
      String rows =
          Db.text(
              "select string_agg(x, '; ') from (" + sql + ") t(x)", member, member, member, member);
      if (rows != null && !rows.isEmpty()) {
        out.append(p[0]).append(": ").append(rows).append('\n');
      }
    }
    return out.toString();
  }
}
