package org.openmiles.it.accrual;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmiles.it.support.Api;
import org.openmiles.it.support.Db;
import org.openmiles.it.support.FileDrop;
import org.openmiles.it.support.SharedServer;
import org.openmiles.it.support.SharedServer.OnSharedServer;

/**
 * Partner activity files through the real Camel file route on Payara Micro: a partner drops a file
 * into its inbound folder, the server credits the miles once, and answers with acknowledgement and
 * reject files in the outbound folder.
 */
@OnSharedServer
class PartnerFilesIT {
  private static final String DAY = LocalDate.now().minusDays(3).toString();

  @SharedServer.Url URL url;
  Api api;
  Path partner;

  @BeforeEach
  void setUp() {
    api = new Api(url);
    partner = FileDrop.partnerFolder("DEMO_HOTEL");
  }

  private static String header() {
    return FileDrop.partnerHeader("DEMO_HOTEL");
  }

  private static String stay(String tx, String member, int nights) {
    return FileDrop.stayNights(tx, member, DAY, nights, "IT stay");
  }

  private static String stayOn(String tx, String member, int nights, LocalDate day) {
    return FileDrop.stayNights(tx, member, day.toString(), nights, "IT stay");
  }

  /** Drops a file the way a partner should: written under a temporary name, then renamed. */
  private Map<String, String> drop(String name, String content) throws Exception {
    return drop(partner, name, content);
  }

  private static Map<String, String> drop(Path partner, String name, String content)
      throws Exception {
    return FileDrop.drop(partner, name, content);
  }

  private List<String> rejects(String name) throws IOException {
    return FileDrop.rejects(partner, name);
  }

  @Test
  void aPartnerFileIsCreditedOnceWithRejectsAndAnAcknowledgement() throws Exception {
    String a = api.enroll("Test");
    String b = api.enroll("Test");
    String u = Api.unique();
    String content =
        header()
            + stay(u + "-1", a, 3)
            + stay(u + "-2", b, 2)
            + stay(u + "-3", "1000000008", 1)
            + "D,"
            + u
            + "-4,"
            + a
            + ",Test,not-a-date,STAY_NIGHT,1,,bad date\n"
            + "D,"
            + u
            + "-5,"
            + a
            + ",Test,"
            + DAY
            + ",SPEND,100,USD,no spend rule for hotels\n"
            + "T,5,107\n";
    String name = "stays-" + u + ".csv";
    Map<String, String> ack = drop(name, content);
    assertThat(ack)
        .containsEntry("status", "PROCESSED")
        .containsEntry("records", "5")
        .containsEntry("accepted", "2")
        .containsEntry("parked", "1")
        .containsEntry("rejected", "2")
        .containsEntry("miles_issued", "2500");
    assertThat(rejects(name))
        .extracting(l -> l.substring(0, l.indexOf(',', l.indexOf(',') + 1)))
        .containsExactly("5,INVALID_DATE", "6,NO_EARN_RULE");
    assertThat(api.balance(a).num("balance")).isEqualTo(1_500);
    assertThat(api.balance(b).num("balance")).isEqualTo(1_000);
    assertThat(
            api.get("members/" + a + "/statement")
                .json()
                .getJsonArray("entries")
                .getJsonObject(0)
                .getString("source"))
        .isEqualTo("P:DEMO_HOTEL:" + u + "-1");
    assertThat(
            Files.list(partner.resolve("archive"))
                .anyMatch(p -> p.getFileName().toString().startsWith("stays-" + u)))
        .isTrue();

    // the same content again, even renamed: nothing more
    Map<String, String> again = drop("copy-" + u + ".csv", content);
    assertThat(again).containsEntry("status", "DUPLICATE");
    // a new file repeating a credited record and fixing the rejected one
    String next =
        header()
            + stay(u + "-1", a, 3)
            + "D,"
            + u
            + "-4,"
            + a
            + ",Test,"
            + DAY
            + ",STAY_NIGHT,1,,fixed\n"
            + "T,2,4\n";
    Map<String, String> fixed = drop("fix-" + u + ".csv", next);
    assertThat(fixed)
        .containsEntry("accepted", "1")
        .containsEntry("duplicates", "1")
        .containsEntry("miles_issued", "500");
    assertThat(api.balance(a).num("balance")).isEqualTo(2_000);
    assertThat(
            Db.count(
                "select count(*) from accounts.ledger_entry where source_ref like ?",
                "P:DEMO_HOTEL:" + u + "%"))
        .isEqualTo(3);
    assertThat(
            Db.count(
                "select count(*) from accrual.partner_activity where partner_tx_id = ? and status = 'PARKED'",
                u + "-3"))
        .isEqualTo(1);
  }

  @Test
  void promotionsAddBonusEntriesOnTopOfBaseMilesUpToTheirCapAlsoForParkedRecords()
      throws Exception {
    String m = api.enroll("Test");
    long seq = Long.parseLong(m.substring(0, 9));
    String next = org.openmiles.accounts.api.MemberNumber.fromSequence(seq + 1).value();
    String u = Api.unique();
    String half = "IT_HALF_" + u.toUpperCase();
    String fixed = "IT_FIXED_" + u.toUpperCase();
    // a one-day window on a date no other test uses, so no other test's records qualify
    LocalDate day = LocalDate.now().minusDays(10);
    String insert =
        "insert into accrual.promotion (code, name, kind, multiplier, bonus_miles, applies_to,"
            + " partner_code, effective_from, effective_to, max_bonus_per_member, version_from)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    Db.update("insert into accrual.promotion_code (code) values (?), (?)", half, fixed);
    Db.update(
        insert,
        half,
        "IT hotel stays 1.5x",
        "MULTIPLIER",
        new java.math.BigDecimal("1.50"),
        null,
        "PARTNER",
        "DEMO_HOTEL",
        day,
        day.plusDays(1),
        1_200,
        day);
    Db.update(
        insert,
        fixed,
        "IT welcome",
        "FIXED_BONUS",
        null,
        100,
        "ANY",
        null,
        day,
        day.plusDays(1),
        null,
        day);
    String content =
        header()
            + stayOn(u + "-1", m, 3, day) // 1,500 base: +750 (1.5x) +100
            + stayOn(u + "-2", m, 2, day) // 1,000 base: +450 (500, but only 450 left of 1,200) +100
            + stayOn(u + "-3", m, 1, day) // 500 base: cap used up, +100 only
            + stay(u + "-4", m, 2) // 1,000 base, outside the window: no bonus
            + stayOn(u + "-5", next, 2, day) // not enrolled yet: parked, no bonus now
            + "T,5,10\n";
    Map<String, String> ack = drop("promo-" + u + ".csv", content);
    assertThat(ack)
        .containsEntry("status", "PROCESSED")
        .containsEntry("accepted", "4")
        .containsEntry("parked", "1")
        .containsEntry("miles_issued", "4000")
        .containsEntry("bonus_miles", "1500");
    assertThat(api.balance(m).num("balance")).isEqualTo(5_500);
    String ref = "P:DEMO_HOTEL:" + u;
    String amount =
        "select coalesce(sum(amount), 0) from accounts.ledger_entry where source_ref = ?";
    assertThat(Db.count(amount, ref + "-1:PR:" + half)).isEqualTo(750);
    assertThat(Db.count(amount, ref + "-1:PR:" + fixed)).isEqualTo(100);
    assertThat(Db.count(amount, ref + "-2:PR:" + half)).isEqualTo(450);
    assertThat(Db.count(amount, ref + "-2:PR:" + fixed)).isEqualTo(100);
    assertThat(Db.count(amount, ref + "-3:PR:" + fixed)).isEqualTo(100);
    assertThat(
            Db.count(
                "select count(*) from accounts.ledger_entry where source_ref like ?",
                ref + "-%:PR:%"))
        .as("no bonus entry for the capped-out, out-of-window or parked records")
        .isEqualTo(5);
    assertThat(
            Db.count(
                "select count(*) from accounts.ledger_entry where source_ref = ?"
                    + " and entry_type = 'CREDIT' and description = 'Promotion IT hotel stays 1.5x'",
                ref + "-2:PR:" + half))
        .isEqualTo(1);
    String total =
        "select awarded from accrual.promotion_member_total where promotion_code = ?"
            + " and member_number = ?";
    assertThat(Db.count(total, half, m)).isEqualTo(1_200);
    assertThat(Db.count(total, fixed, m)).isEqualTo(300);
    // the partner is billed for base miles only
    assertThat(
            Db.count(
                "select sum(miles) from accrual.partner_activity where partner_tx_id like ?"
                    + " and status = 'CREDITED'",
                u + "-%"))
        .isEqualTo(4_000);

    // the parked record gets its bonus (by its activity date) when its member enrolls
    assertThat(api.enroll("Test")).isEqualTo(next);
    long balance = api.balanceOnceAt(next, 1_600);
    assertThat(balance).as("1,000 base + 500 (1.5x) + 100").isEqualTo(1_600);
    assertThat(Db.count(amount, ref + "-5:PR:" + half)).isEqualTo(500);
    assertThat(Db.count(total, half, next)).isEqualTo(500);

    // a record sent again is a duplicate: no second base, no second bonus
    Map<String, String> again =
        drop("promo-again-" + u + ".csv", header() + stayOn(u + "-1", m, 3, day) + "T,1,3\n");
    assertThat(again)
        .containsEntry("duplicates", "1")
        .containsEntry("miles_issued", "0")
        .containsEntry("bonus_miles", "0");
    assertThat(api.balance(m).num("balance")).isEqualTo(5_500);
    assertThat(Db.count(total, half, m)).isEqualTo(1_200);
  }

  @Test
  void aFileWithWrongControlTotalsIsRefusedWholeAndCreditsNothing() throws Exception {
    String a = api.enroll("Test");
    String u = Api.unique();
    // the file's records are all for this member: nothing of theirs may change (other tests'
    // files may still be finishing meanwhile, so the whole ledger is not the measure)
    long before = Db.ledgerRowsOf(a);
    Map<String, String> ack =
        drop(
            "totals-" + u + ".csv",
            header() + stay(u + "-1", a, 3) + stay(u + "-2", a, 1) + "T,2,5\n");
    assertThat(ack).containsEntry("status", "REJECTED");
    assertThat(ack.get("reason")).startsWith("CONTROL_TOTAL_MISMATCH");
    assertThat(Db.ledgerRowsOf(a)).isEqualTo(before);
    assertThat(api.balance(a).num("balance")).isZero();
    assertThat(
            Files.list(partner.resolve("rejects"))
                .anyMatch(p -> p.getFileName().toString().startsWith("totals-" + u)))
        .isTrue();
  }

  @Test
  void aRecordWhoseLastNameIsNotTheMembersIsRejected() throws Exception {
    String m = api.enroll("Test");
    String u = Api.unique();
    String name = "names-" + u + ".csv";
    Map<String, String> ack =
        drop(
            name,
            header()
                + stay(u + "-ok", m, 1).replace(",Test,", ",TEST,")
                + stay(u + "-other", m, 2).replace(",Test,", ",Someone Else,")
                + "T,2,3\n");
    assertThat(ack).containsEntry("accepted", "1").containsEntry("rejected", "1");
    assertThat(rejects(name)).hasSize(1).first().asString().startsWith("3,NAME_MISMATCH,");
    assertThat(api.balance(m).num("balance")).isEqualTo(500);
  }

  @Test
  void aPartnerSeesItsOwnRecordsButNeverTheMembersContactData() throws Exception {
    String a = api.enroll("Test");
    String email = api.get("members/" + a).str("email");
    assertThat(email).contains("@");
    String u = Api.unique();
    String nobody = org.openmiles.accounts.api.MemberNumber.fromSequence(987_654_322L).value();
    String name = "contact-" + u + ".csv";
    drop(name, header() + stay(u + "-c", a, 1) + stay(u + "-p", nobody, 1) + "T,2,2\n");
    Api hotel = api.as("DEMO_HOTEL", "partner");
    String month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
    Api.Res files = hotel.get("partners/DEMO_HOTEL/files?limit=200");
    assertThat(files.toString()).as("the partner sees its file").contains(name);
    for (Api.Res r :
        List.of(
            files,
            hotel.get("partners/DEMO_HOTEL/parked?limit=200"),
            hotel.get("partners/DEMO_HOTEL/settlements/" + month))) {
      assertThat(r.status()).as(r.toString()).isEqualTo(200);
      assertThat(r.toString())
          .as("no contact data in " + r)
          .doesNotContain(email)
          .doesNotContain("@example.org")
          .doesNotContain("1985-03-04")
          .doesNotContain("\"email\"")
          .doesNotContain("\"phone\"");
    }
  }

  @Test
  void parkedRecordsPastTheWindowAreReportedAndNoLongerCredited() throws Exception {
    String u = Api.unique();
    // a well-formed number nobody has: far beyond the sequence the tests use
    String nobody = org.openmiles.accounts.api.MemberNumber.fromSequence(987_654_321L).value();
    drop("old-park-" + u + ".csv", header() + stay(u + "-old", nobody, 1) + "T,1,1\n");
    Api.Res before = api.get("partners/DEMO_HOTEL/parked");
    assertThat(before.status()).isEqualTo(200);
    long waiting = before.num("waiting");
    long expired = before.num("expired");
    assertThat(
            Db.update(
                "update accrual.partner_activity set received_at = now() - interval '91 days'"
                    + " where partner_tx_id = ?",
                u + "-old"))
        .isEqualTo(1);
    Api.Res after = api.get("partners/DEMO_HOTEL/parked?limit=200");
    assertThat(after.num("parkDays")).isEqualTo(90);
    assertThat(after.num("waiting")).isEqualTo(waiting - 1);
    assertThat(after.num("expired")).isEqualTo(expired + 1);
    assertThat(after.json().getJsonArray("oldestExpired").toString())
        .contains(u + "-old", nobody, "MEMBER_NOT_ENROLLED");
    assertThat(api.get("partners/NO_SUCH/parked").code()).isEqualTo("PARTNER_NOT_FOUND");
  }

  @Test
  void aParkedRecordIsCreditedWhenItsMemberEnrolls() throws Exception {
    String before = api.enroll("Test");
    // the next enrollment gets the next number of the sequence
    long seq = Long.parseLong(before.substring(0, 9));
    String next = org.openmiles.accounts.api.MemberNumber.fromSequence(seq + 1).value();
    String u = Api.unique();
    Map<String, String> ack =
        drop("park-" + u + ".csv", header() + stay(u + "-p", next, 2) + "T,1,2\n");
    assertThat(ack).containsEntry("parked", "1").containsEntry("miles_issued", "0");
    String enrolled = api.enroll("Test");
    assertThat(enrolled).isEqualTo(next);
    long balance = api.balanceOnceCredited(enrolled);
    assertThat(balance).as("credited after the enrollment committed").isEqualTo(1_000);
    assertThat(
            Db.count(
                "select count(*) from accrual.partner_activity where partner_tx_id = ? and status = 'CREDITED'",
                u + "-p"))
        .isEqualTo(1);
  }

  @Test
  void settlementBillsThePartnerForTheMilesIssuedThisMonth() throws Exception {
    String a = api.enroll("Test");
    String u = Api.unique();
    drop("settle-" + u + ".csv", header() + stay(u + "-s", a, 4) + "T,1,4\n");
    String month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
    long issued =
        Db.count(
            "select coalesce(sum(miles), 0) from accrual.partner_activity where partner_code = 'DEMO_HOTEL'"
                + " and credited_at >= date_trunc('month', now() at time zone 'UTC') at time zone 'UTC'");
    assertThat(issued).isGreaterThanOrEqualTo(2_000);
    Api.Res s = api.get("partners/DEMO_HOTEL/settlements/" + month);
    assertThat(s.status()).as(s.toString()).isEqualTo(200);
    assertThat(s.num("milesIssued")).isEqualTo(issued);
    long reversed =
        Db.count(
            "select coalesce(sum(miles_reversed), 0) from accrual.partner_activity"
                + " where partner_code = 'DEMO_HOTEL' and status = 'REVERSED' and reversed_at >="
                + " date_trunc('month', now() at time zone 'UTC') at time zone 'UTC'");
    assertThat(s.num("milesReversed")).isEqualTo(reversed);
    assertThat(s.num("netMiles")).isEqualTo(issued - reversed);
    assertThat(s.json().getJsonObject("amountDue").getString("currency")).isEqualTo("USD");
    assertThat(s.json().getJsonObject("amountDue").getJsonNumber("amount").bigDecimalValue())
        .isEqualByComparingTo(
            new java.math.BigDecimal("0.012")
                .multiply(java.math.BigDecimal.valueOf(issued - reversed))
                .setScale(2, java.math.RoundingMode.HALF_UP));

    Api.Res written = api.post("partners/settlement-files?month=" + month, null);
    assertThat(written.status()).as(written.toString()).isEqualTo(200);
    Path file = partner.resolve("outbound").resolve("settlement-" + month + ".csv");
    assertThat(Files.readAllLines(file)).contains("miles_issued," + issued, "currency,USD");

    assertThat(api.get("partners/NOPE/settlements/" + month).code()).isEqualTo("PARTNER_NOT_FOUND");
    assertThat(api.get("partners/DEMO_HOTEL/settlements/2026-13").code())
        .isEqualTo("VALIDATION_FAILED");
    var files = api.get("partners/DEMO_HOTEL/files?limit=5").array();
    assertThat(files).isNotEmpty();
    assertThat(files.getJsonObject(0).getString("fileName")).isEqualTo("settle-" + u + ".csv");
    assertThat(api.get("partners").array().getValuesAs(jakarta.json.JsonString::getString))
        .contains("DEMO_HOTEL");
  }

  private static String reversal(String tx, String member, int nights, LocalDate day) {
    return "R," + tx + "," + member + ",Test," + day + ",STAY_NIGHT," + nights + ",,cancelled\n";
  }

  private static String headerV2() {
    return header().replace(",1,DEMO_HOTEL,", ",2,DEMO_HOTEL,");
  }

  @Test
  void reversalsTakeBackCreditsWithTheirBonusCancelParkedRecordsAndAreSettledOnce()
      throws Exception {
    String p = api.enroll("Test");
    String m = api.enroll("Test");
    // the next enrollment gets the next number of the sequence: parked until then
    String next =
        org.openmiles.accounts.api.MemberNumber.fromSequence(Long.parseLong(m.substring(0, 9)) + 1)
            .value();
    String u = Api.unique();
    LocalDate day = LocalDate.now().minusDays(12); // a promotion day no other test uses
    LocalDate stay = LocalDate.parse(DAY);
    String promo = "IT_REV_" + u.toUpperCase();
    Db.update("insert into accrual.promotion_code (code) values (?)", promo);
    Db.update(
        "insert into accrual.promotion (code, name, kind, bonus_miles, applies_to, partner_code,"
            + " effective_from, effective_to, version_from) values (?, ?, 'FIXED_BONUS', 100,"
            + " 'PARTNER', 'DEMO_HOTEL', ?, ?, ?)",
        promo,
        "IT reversal bonus",
        day,
        day.plusDays(1),
        day);
    String month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
    Api.Res s0 = api.get("partners/DEMO_HOTEL/settlements/" + month);
    assertThat(s0.status()).as(s0.toString()).isEqualTo(200);

    Map<String, String> first =
        drop(
            "rev-1-" + u + ".csv",
            header()
                + stayOn(u + "-1", m, 3, day) // 1,500 + 100 promotion bonus
                + stayOn(u + "-2", m, 2, stay) // 1,000
                + stayOn(u + "-3", next, 1, stay) // parked
                + stayOn(u + "-4", p, 2, stay) // 1,000
                + stayOn(u + "-6", next, 2, stay) // parked
                + "T,5,10\n");
    assertThat(first)
        .containsEntry("accepted", "3")
        .containsEntry("parked", "2")
        .containsEntry("miles_issued", "3500")
        .containsEntry("bonus_miles", "100");
    assertThat(api.balance(m).num("balance")).isEqualTo(2_600);
    assertThat(api.debit(p, 600, "IT-" + u + "-spent").status()).isEqualTo(201);

    String name = "rev-2-" + u + ".csv";
    String second =
        headerV2()
            + reversal(u + "-1", m, 3, day) // takes back 1,500 + 100
            + reversal(u + "-3", next, 1, stay) // cancels the parked record
            + reversal(u + "-4", p, 2, stay) // 1,000 > the 400 left
            + reversal(u + "-9", m, 1, stay) // never received
            + reversal(u + "-2", m, 1, stay) // the record was 2 nights
            + stayOn(u + "-5", m, 1, stay) // a new record in the same file: 500
            + "T,6,9\n";
    Map<String, String> ack = drop(name, second);
    assertThat(ack)
        .containsAllEntriesOf(
            Map.of(
                "status", "PROCESSED",
                "format", "OPENMILES-PARTNER-ACTIVITY 2",
                "records", "6",
                "accepted", "1",
                "miles_issued", "500",
                "reversed", "2",
                "miles_reversed", "1500",
                "duplicates", "0",
                "parked", "0",
                "rejected", "3"));
    assertThat(FileDrop.rejectCodes(partner, name))
        .containsExactly(
            "4,REVERSAL_EXCEEDS_AVAILABLE", "5,ORIGINAL_NOT_FOUND", "6,REVERSAL_MISMATCH");
    assertThat(api.balance(m).num("balance")).isEqualTo(2_600 - 1_600 + 500);
    assertThat(api.balance(p).num("balance")).as("the credit stays, for an agent").isEqualTo(400);
    String ref = "P:DEMO_HOTEL:" + u;
    assertThat(
            Db.count(
                "select count(*) from accounts.ledger_entry where source_ref = ?"
                    + " and entry_type = 'REVERSAL' and amount = -1600",
                ref + "-1:R"))
        .isEqualTo(1);
    assertThat(
            Db.count(
                "select count(*) from accounts.ledger_entry where source_ref like ?", ref + "-%:R"))
        .isEqualTo(1);
    var listed = api.get("partners/DEMO_HOTEL/files?limit=1").array().getJsonObject(0);
    assertThat(listed.getString("fileName")).isEqualTo(name);
    assertThat(listed.getInt("reversed")).isEqualTo(2);
    assertThat(listed.getJsonNumber("milesReversed").longValue()).isEqualTo(1_500);
    String row =
        "select count(*) from accrual.partner_activity where partner_tx_id = ? and status = ?"
            + " and miles_reversed = ? and bonus_reversed = ? and reversed_file_id = ?"
            + " and reversed_line_no = ? and reversed_at is not null";
    long fileId = Long.parseLong(ack.get("file_id"));
    assertThat(Db.count(row, u + "-1", "REVERSED", 1_500, 100, fileId, 2)).isEqualTo(1);
    assertThat(Db.count(row, u + "-3", "CANCELLED", 0, 0, fileId, 3)).isEqualTo(1);

    // the same reversals again, renamed: a duplicate file, nothing moves
    String entries = "select count(*) from accounts.ledger_entry where source_ref like ?";
    long rows = Db.count(entries, ref + "-%");
    assertThat(drop("rev-2-copy-" + u + ".csv", second)).containsEntry("status", "DUPLICATE");
    // in a new file: duplicates; a reversal refused before goes through once the member has the
    // miles
    assertThat(api.credit(p, 1_000, "IT-" + u + "-topup").status()).isEqualTo(201);
    Map<String, String> third =
        drop(
            "rev-3-" + u + ".csv",
            headerV2()
                + reversal(u + "-1", m, 3, day)
                + reversal(u + "-3", next, 1, stay)
                + reversal(u + "-4", p, 2, stay)
                + "T,3,6\n");
    assertThat(third)
        .containsEntry("duplicates", "2")
        .containsEntry("reversed", "1")
        .containsEntry("miles_reversed", "1000")
        .containsEntry("rejected", "0");
    assertThat(Db.count(entries, ref + "-%")).as("one reversal more").isEqualTo(rows + 1);
    assertThat(
            Db.count(
                "select count(*) from accounts.ledger_entry where source_ref = ?"
                    + " and entry_type = 'REVERSAL' and amount = -1000",
                ref + "-4:R"))
        .isEqualTo(1);
    assertThat(api.balance(m).num("balance")).isEqualTo(1_500);
    assertThat(api.balance(p).num("balance")).isEqualTo(400);

    // settlement: issued 3,500 + 500 this month, 1,500 + 1,000 reversed (bonus not billed)
    Api.Res s1 = api.get("partners/DEMO_HOTEL/settlements/" + month);
    assertThat(s1.num("milesIssued") - s0.num("milesIssued")).isEqualTo(4_000);
    assertThat(s1.num("reversals") - s0.num("reversals")).isEqualTo(2);
    assertThat(s1.num("milesReversed") - s0.num("milesReversed")).isEqualTo(2_500);
    assertThat(s1.num("netMiles")).isEqualTo(s1.num("milesIssued") - s1.num("milesReversed"));
    assertThat(s1.json().getJsonObject("amountDue").getJsonNumber("amount").bigDecimalValue())
        .isEqualByComparingTo(
            new java.math.BigDecimal("0.012")
                .multiply(java.math.BigDecimal.valueOf(s1.num("netMiles")))
                .setScale(2, java.math.RoundingMode.HALF_UP));
    assertThat(api.post("partners/settlement-files?month=" + month, null).status()).isEqualTo(200);
    assertThat(
            Files.readAllLines(partner.resolve("outbound").resolve("settlement-" + month + ".csv")))
        .contains(
            "reversals," + s1.num("reversals"),
            "miles_reversed," + s1.num("milesReversed"),
            "net_miles," + s1.num("netMiles"));

    // the member of the parked records enrolls: the cancelled one is not credited with the other
    assertThat(api.enroll("Test")).isEqualTo(next);
    long balance = api.balanceOnceCredited(next);
    assertThat(balance).as("only the record not cancelled").isEqualTo(1_000);
    assertThat(
            Db.count("select count(*) from accounts.ledger_entry where source_ref = ?", ref + "-3"))
        .isZero();
  }

  @Test
  void airportsAreImportedAndDistancesComeFromTheCityPairTableOrTheGreatCircle() throws Exception {
    Api.Res d = api.get("reference/distance?from=HAN&to=SGN");
    assertThat(d.status()).as(d.toString()).isEqualTo(200);
    assertThat(d.num("miles")).isBetween(715L, 725L);
    assertThat(d.str("source")).isEqualTo("GREAT_CIRCLE");
    assertThat(d.json().getBoolean("domestic")).isTrue();
    assertThat(api.get("reference/distance?from=sgn&to=nrt").json().getBoolean("domestic"))
        .isFalse();
    assertThat(api.get("reference/distance?from=HAN&to=QQQ").code()).isEqualTo("UNKNOWN_AIRPORT");
    assertThat(api.get("reference/distance?from=HANOI&to=SGN").code())
        .isEqualTo("VALIDATION_FAILED");

    String sample =
        "1,\"Test Field\",\"Testville\",\"Vietnam\",\"QQQ\",\"VVQQ\",11.5,107.5,10,7,\"U\",\"Asia/Saigon\",\"airport\",\"test\"\n"
            + "2,\"No Code\",\"X\",\"Vietnam\",\\N,\"VVXX\",11.5,107.5,10,7,\"U\",\"Asia/Saigon\",\"airport\",\"test\"\n";
    Api.Res res =
        api.postBody(
            "reference/airports?format=openflights",
            "text/csv",
            java.net.http.HttpRequest.BodyPublishers.ofString(sample));
    assertThat(res.status()).as(res.toString()).isEqualTo(200);
    assertThat(res.num("airports")).isEqualTo(1);
    assertThat(res.num("skipped")).isEqualTo(1);
    assertThat(api.get("reference/airports/qqq").str("country")).isEqualTo("VN");
    assertThat(api.get("reference/distance?from=SGN&to=QQQ").json().getBoolean("domestic"))
        .isTrue();

    Api.Res y = api.get("reference/flight-miles?class=Y&from=HAN&to=SGN");
    assertThat(y.status()).as(y.toString()).isEqualTo(200);
    long miles = d.num("miles");
    assertThat(y.num("baseMiles")).isEqualTo(Math.round(miles * 1.10));
    assertThat(y.str("region")).isEqualTo("DOMESTIC");
    assertThat(api.get("reference/flight-miles?class=J&from=SGN&to=NRT").str("region"))
        .isEqualTo("INTERNATIONAL");
    assertThat(api.get("reference/flight-miles?class=W&from=HAN&to=SGN").code())
        .isEqualTo("CLASS_NOT_ELIGIBLE");
    assertThat(api.get("reference/flight-miles?class=YY&from=HAN&to=SGN").code())
        .isEqualTo("VALIDATION_FAILED");

    Path snapshot = Path.of("../../../shared/data/openflights/airports.dat");
    if (Files.isRegularFile(snapshot)) {
      Api.Res full =
          api.postBody(
              "reference/airports?format=openflights",
              "text/csv",
              java.net.http.HttpRequest.BodyPublishers.ofFile(snapshot));
      assertThat(full.status()).as(full.toString()).isEqualTo(200);
      assertThat(api.get("reference/airports/GKA").str("city")).isEqualTo("Goroka");
    } else {
      System.out.println(
          "SKIPPED: the OpenFlights snapshot (../shared/data/openflights) is not beside the project");
    }
  }

  @Test
  void eachPartnerEarnsByItsOwnRuleIncludingSpendAndCaps() throws Exception {
    String m = api.enroll("Test");
    String u = Api.unique();
    // hotel: 500 a night, at most 15,000 a record: 31 nights earn 15,000, not 15,500
    Map<String, String> hotel =
        drop("cap-" + u + ".csv", header() + stay(u + "-cap", m, 31) + "T,1,31\n");
    assertThat(hotel).containsEntry("accepted", "1").containsEntry("miles_issued", "15000");
    // bank: 1 mile per whole 20,000 VND spent, no cap
    Path bank = partner.getParent().resolve("DEMO_BANK");
    String bankFile =
        "H,OPENMILES-PARTNER-ACTIVITY,1,DEMO_BANK,"
            + LocalDate.now()
            + ",IT\n"
            + "D,"
            + u
            + "-spend,"
            + m
            + ",Test,"
            + DAY
            + ",SPEND,1009999,VND,card spend\n"
            + "D,"
            + u
            + "-usd,"
            + m
            + ",Test,"
            + DAY
            + ",SPEND,100,USD,wrong currency\n"
            + "T,2,1010099\n";
    assertThat(drop(bank, "spend-" + u + ".csv", bankFile))
        .containsEntry("accepted", "1")
        .containsEntry("rejected", "1")
        .containsEntry("miles_issued", "50");
    assertThat(
            Files.readAllLines(bank.resolve("outbound").resolve("spend-" + u + ".csv.rejects.csv"))
                .get(1))
        .startsWith("3,CURRENCY_MISMATCH");
    assertThat(api.balance(m).num("balance")).isEqualTo(15_050);
  }

  @Test
  void readinessCountsTheStartedRoutesWithoutNamingThem() {
    var ready = api.platform("/health/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    // public: counts only, no partner or route names (docs/security.md)
    var routes =
        jakarta.json.Json.createReader(new java.io.StringReader(ready.body()))
            .readObject()
            .getJsonArray("checks")
            .getValuesAs(jakarta.json.JsonObject.class)
            .stream()
            .filter(c -> c.getString("name").equals("routes"))
            .findFirst()
            .orElseThrow()
            .getJsonObject("data");
    assertThat(routes.getString("started")).isEqualTo(routes.getString("routes"));
    assertThat(Integer.parseInt(routes.getString("routes"))).isGreaterThanOrEqualTo(4);
    assertThat(ready.body()).doesNotContain("partner-DEMO_HOTEL", "DEMO_");
  }

  @Test
  void theLedgerInvariantsHold() {
    assertThat(Db.invariantViolations()).isEmpty();
  }
}
