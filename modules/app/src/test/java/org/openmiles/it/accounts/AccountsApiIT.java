package org.openmiles.it.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmiles.it.support.Api;
import org.openmiles.it.support.Api.Res;
import org.openmiles.it.support.Db;
import org.openmiles.it.support.SharedServer;
import org.openmiles.it.support.SharedServer.OnSharedServer;

/**
 * The accounts REST API on a real Payara Micro and PostgreSQL, as a back-office client uses it:
 * enrollment, profile and status, postings and their idempotency, holds, expiry, statements, and
 * every kind of bad input (a clear problem+json answer, nothing written).
 */
@OnSharedServer
class AccountsApiIT {

  @SharedServer.Url URL url;
  Api api;

  @BeforeEach
  void client() {
    api = new Api(url);
  }

  // --- enrollment and profile

  @Test
  void enrollmentAssignsACheckDigitNumberAndNormalizesTheProfile() {
    String u = Api.unique();
    Res r =
        api.post(
            "members",
            """
            {"firstName":" Thu ","lastName":"Tran","email":"Thu.Tran.%s@Example.org","phone":"+84 (90) 555-1234",\
            "birthDate":"1979-12-31","country":"vn","marketingConsent":true}"""
                .formatted(u));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    String number = r.str("number");
    assertThat(number).matches("\\d{10}");
    assertThat(luhnValid(number)).isTrue();
    assertThat(r.location()).endsWith("/api/v1/members/" + number);
    JsonObject m = api.get("members/" + number).json();
    assertThat(m.getString("firstName")).isEqualTo("Thu");
    assertThat(m.getString("email")).isEqualTo("thu.tran." + u.toLowerCase() + "@example.org");
    assertThat(m.getString("phone")).isEqualTo("+84905551234");
    assertThat(m.getString("country")).isEqualTo("VN");
    assertThat(m.getString("status")).isEqualTo("ACTIVE");
    assertThat(api.balance(number).num("balance")).isZero();
  }

  @Test
  void enrollmentReportsEveryBrokenFieldAtOnceAndWritesNothing() {
    long before = Db.ledgerRows();
    Res r =
        api.post(
            "members",
            """
            {"firstName":"Anh","email":"not-an-email","phone":"12345","birthDate":"%s","country":"XX"}"""
                .formatted(LocalDate.now().plusDays(3)));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.code()).isEqualTo("VALIDATION_FAILED");
    assertThat(r.json().getJsonObject("errors").keySet())
        .containsExactlyInAnyOrder("lastName", "email", "phone", "birthDate", "country");
    assertThat(Db.ledgerRows()).isEqualTo(before);
  }

  @Test
  void aRetriedEnrollmentReturnsTheSameMemberAndADuplicateEmailIsRefused() {
    String u = Api.unique();
    String body =
        """
        {"firstName":"Minh","lastName":"Le","email":"minh.%s@example.org","birthDate":"1990-01-01","country":"VN"}"""
            .formatted(u);
    Res first = api.post("members", body, "enroll-" + u);
    Res retry = api.post("members", body, "enroll-" + u);
    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.str("number")).isEqualTo(first.str("number"));
    Res duplicate = api.post("members", body);
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.code()).isEqualTo("MEMBER_ALREADY_ENROLLED");
    assertThat(
            Db.count(
                "select count(*) from accounts.member where email = ?",
                "minh." + u + "@example.org"))
        .isEqualTo(1);
  }

  @Test
  void searchFindsMembersByNamePrefixEmailAndPhone() {
    String u = Api.unique();
    String last = "Searchable" + u.replaceAll("\\d", "");
    Res r =
        api.post(
            "members",
            """
            {"firstName":"Quynh","lastName":"%s","email":"q.%s@example.org","phone":"+84 91 222 %s",\
            "birthDate":"1988-08-08","country":"VN"}"""
                .formatted(last, u, String.format("%04d", Math.abs(u.hashCode()) % 10000)));
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    String number = r.str("number");
    assertThat(numbers(api.get("members?name=" + last.substring(0, 8).toLowerCase())))
        .contains(number);
    assertThat(numbers(api.get("members?name=quynh%20" + last))).containsExactly(number);
    assertThat(numbers(api.get("members?email=Q." + u + "@EXAMPLE.org"))).containsExactly(number);
    assertThat(numbers(api.get("members?phone=" + r.str("phone").replace("+", "%2B"))))
        .contains(number);
    Res none = api.get("members");
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.code()).isEqualTo("VALIDATION_FAILED");
  }

  @Test
  void statusRulesDecideWhoMayEarnAndSpend() {
    String m = api.enroll("Status");
    assertThat(api.credit(m, 5_000, "st-" + m + "-1").status()).isEqualTo(201);
    assertThat(status(m, "SUSPENDED", "fraud check").str("status")).isEqualTo("SUSPENDED");

    Res debit = api.debit(m, 100, "st-" + m + "-2");
    assertThat(debit.status()).isEqualTo(422);
    assertThat(debit.code()).isEqualTo("MEMBER_NOT_ACTIVE");
    assertThat(api.hold(m, 100, "st-" + m + "-h", 60).code()).isEqualTo("MEMBER_NOT_ACTIVE");
    assertThat(api.credit(m, 100, "st-" + m + "-3").status())
        .as("suspended members still earn")
        .isEqualTo(201);

    assertThat(status(m, "CLOSED", "member asked").str("status")).isEqualTo("CLOSED");
    assertThat(api.credit(m, 100, "st-" + m + "-4").code()).isEqualTo("MEMBER_NOT_ACTIVE");
    Res same = api.post("members/" + m + "/status", "{\"status\":\"CLOSED\",\"reason\":\"again\"}");
    assertThat(same.status()).isEqualTo(422);
    assertThat(same.code()).isEqualTo("INVALID_STATUS_CHANGE");
    Res noReason = api.post("members/" + m + "/status", "{\"status\":\"ACTIVE\"}");
    assertThat(noReason.code()).isEqualTo("VALIDATION_FAILED");

    assertThat(status(m, "ACTIVE", "reopened by agent").str("status")).isEqualTo("ACTIVE");
    assertThat(api.debit(m, 100, "st-" + m + "-5").status()).isEqualTo(201);
    assertThat(api.balance(m).num("balance")).isEqualTo(5_000);
    assertThat(
            Db.count(
                "select count(*) from accounts.member_status_history h join accounts.member m"
                    + " on m.id = h.member_id where m.member_number = ?",
                m))
        .isEqualTo(4);
  }

  @Test
  void profileEditsAreCheckedAndKeepTheRest() {
    String m = api.enroll("Profile");
    Res ok = api.patch("members/" + m, "{\"phone\":\"+84 912 000 111\",\"marketingConsent\":true}");
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(ok.str("phone")).isEqualTo("+84912000111");
    assertThat(ok.str("lastName")).isEqualTo("Profile");
    assertThat(ok.json().getBoolean("marketingConsent")).isTrue();
    Res bad = api.patch("members/" + m, "{\"email\":\"broken\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(api.get("members/" + m).str("email")).startsWith("it-");
  }

  // --- postings

  @Test
  void aRetriedPostingHasOneEffectAndAReusedReferenceIsRefused() {
    String m = api.enroll("Retry");
    String ref = "retry-" + m;
    Res first = api.credit(m, 1_234, ref);
    Res retry = api.credit(m, 1_234, ref);
    assertThat(first.status()).isEqualTo(201);
    assertThat(first.json().getBoolean("replayed")).isFalse();
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.json().getBoolean("replayed")).isTrue();
    assertThat(retry.num("entryId")).isEqualTo(first.num("entryId"));
    Res conflict = api.credit(m, 9_999, ref);
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.code()).isEqualTo("SOURCE_REFERENCE_CONFLICT");
    assertThat(api.balance(m).num("balance")).isEqualTo(1_234);
    assertThat(Db.count("select count(*) from accounts.ledger_entry where source_ref = ?", ref))
        .isEqualTo(1);
  }

  @Test
  void aDebitBeyondTheAvailableMilesIsRefusedAndWritesNothing() {
    String m = api.enroll("Debit");
    api.credit(m, 1_000, "d1-" + m);
    api.hold(m, 600, "d1h-" + m, 600);
    long before = Db.ledgerRows();
    Res r = api.debit(m, 500, "d2-" + m);
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.code()).isEqualTo("INSUFFICIENT_MILES");
    assertThat(r.str("detail")).contains("400 miles available");
    assertThat(Db.ledgerRows()).isEqualTo(before);
    assertThat(api.debit(m, 400, "d3-" + m).status()).isEqualTo(201);
    JsonObject b = api.balance(m).json();
    assertThat(b.getJsonNumber("balance").longValue()).isEqualTo(600);
    assertThat(b.getJsonNumber("available").longValue()).isZero();
  }

  @Test
  void debitsConsumeExpiryLotsOldestExpiryFirst() {
    String m = api.enroll("Lots");
    api.credit(m, 1_000, "lot-new-" + m, LocalDate.now().toString());
    api.credit(m, 700, "lot-old-" + m, LocalDate.now().minusMonths(20).toString());
    api.debit(m, 900, "lot-debit-" + m);
    var expiring = api.balance(m).json().getJsonArray("expiring");
    assertThat(expiring).hasSize(1);
    assertThat(expiring.getJsonObject(0).getJsonNumber("miles").longValue())
        .as("the old lot (700) is used up first, then 200 of the new one")
        .isEqualTo(800);
  }

  @Test
  void aBatchPostsTheGoodPostingsAndReportsTheRefusedOnes() {
    String a = api.enroll("BatchA");
    String b = api.enroll("BatchB");
    String u = Api.unique();
    String body =
        """
        {"postings":[
          {"member":"%1$s","type":"CREDIT","miles":500,"sourceReference":"b-%3$s-1"},
          {"member":"%2$s","type":"CREDIT","miles":700,"sourceReference":"b-%3$s-2"},
          {"member":"1000000008","type":"CREDIT","miles":100,"sourceReference":"b-%3$s-3"},
          {"member":"%2$s","type":"DEBIT","miles":-5000,"sourceReference":"b-%3$s-4"},
          {"member":"%1$s","type":"DEBIT","miles":-200,"sourceReference":"b-%3$s-5"},
          {"member":"%1$s","type":"CREDIT","miles":500,"sourceReference":"b-%3$s-1"}
        ]}"""
            .formatted(a, b, u);
    Res r = api.post("ledger/batches", body);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.num("posted")).isEqualTo(3);
    assertThat(r.num("replayed")).isEqualTo(1);
    assertThat(r.num("milesPosted")).isEqualTo(1_000);
    var rejected = r.json().getJsonArray("rejected");
    assertThat(rejected).hasSize(2);
    assertThat(rejected.getJsonObject(0).getInt("index")).isEqualTo(2);
    assertThat(rejected.getJsonObject(0).getString("code")).isEqualTo("MEMBER_NOT_FOUND");
    assertThat(rejected.getJsonObject(1).getInt("index")).isEqualTo(3);
    assertThat(rejected.getJsonObject(1).getString("code")).isEqualTo("INSUFFICIENT_MILES");
    assertThat(api.balance(a).num("balance")).isEqualTo(300);
    assertThat(api.balance(b).num("balance")).isEqualTo(700);

    Res again = api.post("ledger/batches", body);
    assertThat(again.num("posted")).isZero();
    assertThat(again.num("replayed")).isEqualTo(4);
    assertThat(api.balance(a).num("balance")).isEqualTo(300);

    Res malformed =
        api.post(
            "ledger/batches",
            "{\"postings\":[{\"member\":\""
                + a
                + "\",\"type\":\"CREDIT\",\"miles\":0,\"sourceReference\":\"z\"}]}");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().getJsonObject("errors").keySet()).containsExactly("postings[0]");
  }

  // --- holds

  @Test
  void aHoldIsCapturedFullyOrPartlyOrReleasedAndResolvesOnlyOnce() {
    String m = api.enroll("Holds");
    api.credit(m, 10_000, "h-c-" + m);
    String h1 = "h1-" + m;
    Res placed = api.hold(m, 4_000, h1, 600);
    assertThat(placed.status()).isEqualTo(201);
    assertThat(api.hold(m, 4_000, h1, 600).num("id"))
        .as("retried placement")
        .isEqualTo(placed.num("id"));
    assertThat(api.balance(m).num("available")).isEqualTo(6_000);

    Res over = api.capture(h1, 4_001);
    assertThat(over.code()).isEqualTo("CAPTURE_EXCEEDS_HOLD");
    Res captured = api.capture(h1, 2_500);
    assertThat(captured.status()).as(captured.toString()).isEqualTo(200);
    assertThat(captured.str("status")).isEqualTo("CAPTURED");
    assertThat(captured.num("captured")).isEqualTo(2_500);
    assertThat(api.capture(h1, 2_500).str("status")).as("retried capture").isEqualTo("CAPTURED");
    assertThat(api.capture(h1, 3_000).code()).isEqualTo("HOLD_ALREADY_RESOLVED");
    assertThat(api.release(h1).code()).isEqualTo("HOLD_ALREADY_RESOLVED");
    JsonObject b = api.balance(m).json();
    assertThat(b.getJsonNumber("balance").longValue()).isEqualTo(7_500);
    assertThat(b.getJsonNumber("held").longValue()).as("the uncaptured rest is released").isZero();

    String h2 = "h2-" + m;
    api.hold(m, 7_500, h2, 600);
    assertThat(api.hold(m, 1, "h3-" + m, 600).code()).isEqualTo("INSUFFICIENT_MILES");
    assertThat(api.release(h2).str("status")).isEqualTo("RELEASED");
    assertThat(api.release(h2).str("status")).as("retried release").isEqualTo("RELEASED");
    assertThat(api.capture(h2, 100).code()).isEqualTo("HOLD_ALREADY_RESOLVED");
    assertThat(api.balance(m).num("available")).isEqualTo(7_500);
    assertThat(api.get("holds/nope-" + m).code()).isEqualTo("HOLD_NOT_FOUND");
    assertThat(api.get("members/" + m + "/holds").array()).hasSize(2);
    assertThat(api.get("members/" + m + "/holds?active=true").array()).isEmpty();
  }

  @Test
  void aHoldExpiresAfterItsTimeLimitAndCannotBeCapturedThen() throws Exception {
    String m = api.enroll("Expiry");
    api.credit(m, 3_000, "he-c-" + m);
    String late = "he-late-" + m;
    String job = "he-job-" + m;
    api.hold(m, 1_000, late, 1);
    api.hold(m, 1_000, job, 1);
    assertThat(api.balance(m).num("available")).isEqualTo(1_000);
    Thread.sleep(1_500);

    Res capture = api.capture(late, 1_000);
    assertThat(capture.status()).isEqualTo(422);
    assertThat(capture.code()).isEqualTo("HOLD_EXPIRED");
    assertThat(api.get("holds/" + late).str("status")).isEqualTo("EXPIRED");

    Res run = api.post("ledger/jobs/hold-expiry", null);
    assertThat(run.status()).isEqualTo(200);
    assertThat(api.get("holds/" + job).str("status")).isEqualTo("EXPIRED");
    assertThat(api.balance(m).num("available")).isEqualTo(3_000);
    assertThat(api.release(job).code()).isEqualTo("HOLD_ALREADY_RESOLVED");
  }

  // --- miles expiry

  @Test
  void theExpiryRunExpiresDueMilesOnceAndNeverHeldOnes() {
    LocalDate longAgo = LocalDate.now().minusMonths(40);
    String plain = api.enroll("ExpiryPlain");
    api.credit(plain, 800, "x-old-" + plain, longAgo.toString());
    api.credit(plain, 200, "x-new-" + plain, LocalDate.now().toString());
    String held = api.enroll("ExpiryHeld");
    api.credit(held, 1_000, "x-old-" + held, longAgo.toString());
    api.credit(held, 500, "x-new-" + held, LocalDate.now().toString());
    api.hold(held, 1_200, "x-hold-" + held, 3_600);

    String yesterday = LocalDate.now().minusDays(1).toString();
    Res run = api.post("ledger/jobs/miles-expiry?asOf=" + yesterday, null);
    assertThat(run.status()).as(run.toString()).isEqualTo(200);
    assertThat(run.num("milesExpired")).isGreaterThanOrEqualTo(1_100);
    assertThat(api.balance(plain).num("balance")).isEqualTo(200);
    JsonObject h = api.balance(held).json();
    assertThat(h.getJsonNumber("balance").longValue())
        .as("only the 300 not held expire")
        .isEqualTo(1_200);
    assertThat(h.getJsonNumber("available").longValue()).isZero();

    api.post("ledger/jobs/miles-expiry?asOf=" + yesterday, null);
    assertThat(api.balance(plain).num("balance"))
        .as("a rerun for the same date is a no-op")
        .isEqualTo(200);
    assertThat(
            Db.count(
                "select count(*) from accounts.ledger_entry where source_ref = ?",
                "expiry:" + plain + ":" + yesterday))
        .isEqualTo(1);

    api.release("x-hold-" + held);
    api.post("ledger/jobs/miles-expiry", null);
    assertThat(api.balance(held).num("balance"))
        .as("the rest of the old lot expires once released")
        .isEqualTo(500);
    assertThat(
            api.post("ledger/jobs/miles-expiry?asOf=" + LocalDate.now().plusDays(1), null).status())
        .isEqualTo(400);
  }

  // --- statements

  @Test
  void statementsPageNewestFirstWithAStableCursorAndFilters() {
    String m = api.enroll("Statement");
    String u = Api.unique();
    List<String> postings = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      postings.add(
          "{\"member\":\"%s\",\"type\":\"CREDIT\",\"miles\":%d,\"sourceReference\":\"s-%s-%d\",\"activityDate\":\"%s\"}"
              .formatted(m, 100 + i, u, i, LocalDate.of(2026, 1, 1).plusDays(i)));
    }
    assertThat(
            api.post("ledger/batches", "{\"postings\":[" + String.join(",", postings) + "]}")
                .num("posted"))
        .isEqualTo(120);
    api.debit(m, 50, "s-" + u + "-debit");

    Set<Long> seen = new HashSet<>();
    List<Integer> sizes = new ArrayList<>();
    long previous = Long.MAX_VALUE;
    String cursor = null;
    do {
      Res page =
          api.get(
              "members/" + m + "/statement?limit=50" + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      var entries = page.json().getJsonArray("entries");
      sizes.add(entries.size());
      for (JsonValue v : entries) {
        long id = v.asJsonObject().getJsonNumber("id").longValue();
        assertThat(id).isLessThan(previous);
        previous = id;
        assertThat(seen.add(id)).isTrue();
      }
      cursor = page.json().containsKey("nextCursor") ? page.str("nextCursor") : null;
    } while (cursor != null);
    assertThat(sizes).containsExactly(50, 50, 21);

    Res first = api.get("members/" + m + "/statement?limit=1");
    assertThat(first.json().getJsonArray("entries").getJsonObject(0).getString("type"))
        .isEqualTo("DEBIT");
    assertThat(
            first
                .json()
                .getJsonArray("entries")
                .getJsonObject(0)
                .getJsonNumber("balanceAfter")
                .longValue())
        .isEqualTo(api.balance(m).num("balance"));
    assertThat(api.get("members/" + m + "/statement?type=DEBIT").json().getJsonArray("entries"))
        .hasSize(1);
    assertThat(
            api.get("members/" + m + "/statement?from=2026-01-01&to=2026-01-10&type=CREDIT")
                .json()
                .getJsonArray("entries"))
        .hasSize(10);
    assertThat(api.get("members/" + m + "/statement?cursor=garbage").code())
        .isEqualTo("VALIDATION_FAILED");
    assertThat(api.get("members/" + m + "/statement?limit=0").code())
        .isEqualTo("VALIDATION_FAILED");
    assertThat(api.get("members/" + m + "/statement?from=yesterday").code())
        .isEqualTo("VALIDATION_FAILED");
  }

  // --- bad input

  @Test
  void everyBadInputGetsAClearProblemAndWritesNothing() {
    String m = api.enroll("BadInput");
    api.credit(m, 1_000, "bad-c-" + m);
    long before = Db.ledgerRows();
    String p = "members/" + m + "/postings";
    List<Res> answers =
        List.of(
            api.get("members/1000000008"),
            api.get("members/1000000009"),
            api.get("members/abc"),
            api.post(p, "{not json"),
            api.post(p, null),
            api.post(p, "{\"type\":\"CREDIT\",\"miles\":0,\"sourceReference\":\"bad-1\"}"),
            api.post(p, "{\"type\":\"CREDIT\",\"miles\":-5,\"sourceReference\":\"bad-2\"}"),
            api.post(p, "{\"type\":\"DEBIT\",\"miles\":5,\"sourceReference\":\"bad-3\"}"),
            api.post(p, "{\"type\":\"EXPIRY\",\"miles\":-5,\"sourceReference\":\"bad-4\"}"),
            api.post(p, "{\"type\":\"GIFT\",\"miles\":5,\"sourceReference\":\"bad-5\"}"),
            api.post(p, "{\"type\":\"CREDIT\",\"miles\":5,\"sourceReference\":\"has space\"}"),
            api.post(p, "{\"type\":\"CREDIT\",\"miles\":5}"),
            api.post(
                p,
                "{\"type\":\"CREDIT\",\"miles\":5,\"sourceReference\":\"%s\"}"
                    .formatted("x".repeat(121))),
            api.post(
                p, "{\"type\":\"CREDIT\",\"miles\":999999999999,\"sourceReference\":\"bad-6\"}"),
            api.post(p, "{\"type\":\"CREDIT\",\"miles\":\"many\",\"sourceReference\":\"bad-7\"}"),
            api.post(
                p,
                "{\"type\":\"CREDIT\",\"miles\":5,\"sourceReference\":\"bad-8\",\"activityDate\":\"2026-13-45\"}"),
            api.post(
                "members/1000000008/postings",
                "{\"type\":\"CREDIT\",\"miles\":5,\"sourceReference\":\"bad-9\"}"),
            api.hold(m, 10, "bad-h1", 0),
            api.hold(m, 10, "bad-h2", 86_400 * 31),
            api.hold(m, -10, "bad-h3", 60),
            api.capture("bad-h4", 10),
            api.get("no-such-thing"));
    List<Integer> statuses = answers.stream().map(Res::status).toList();
    assertThat(statuses)
        .containsExactly(
            404, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 404,
            400, 400, 400, 404, 404);
    for (Res r : answers) {
      assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json");
      assertThat(r.json().getString("code")).as(r.toString()).matches("[A-Z_]+");
      assertThat(r.json().getString("title")).isNotBlank();
      assertThat(r.json().getInt("status")).isEqualTo(r.status());
    }
    assertThat(answers.get(0).code()).isEqualTo("MEMBER_NOT_FOUND");
    assertThat(answers.get(3).code()).isEqualTo("MALFORMED_REQUEST");
    assertThat(answers.get(21).code()).isEqualTo("RESOURCE_NOT_FOUND");
    assertThat(Db.ledgerRows()).isEqualTo(before);
    assertThat(api.balance(m).num("balance")).isEqualTo(1_000);
  }

  @Test
  void anIdempotencyKeyCannotBeReusedForADifferentEnrollment() {
    String u = Api.unique();
    String body =
        "{\"firstName\":\"Key\",\"lastName\":\"Owner\",\"email\":\"key.%s@example.org\","
            + "\"birthDate\":\"1990-01-01\",\"country\":\"VN\"}";
    Res first = api.post("members", body.formatted(u), "key-" + u);
    assertThat(first.status()).isEqualTo(201);
    // an agent edits the member; a late retry of the original request still gets the same member
    assertThat(api.patch("members/" + first.str("number"), "{\"phone\":\"+84912000222\"}").status())
        .isEqualTo(200);
    assertThat(api.post("members", body.formatted(u), "key-" + u).str("number"))
        .isEqualTo(first.str("number"));
    Res other = api.post("members", body.formatted(u + "x"), "key-" + u);
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
  }

  @Test
  void referencesTheLedgerUsesItselfCannotBeChosenByCallers() {
    String m = api.enroll("Reserved");
    api.credit(m, 1_000, "res-" + m);
    long before = Db.ledgerRows();
    assertThat(api.credit(m, 5, "pay-1#capture").code()).isEqualTo("VALIDATION_FAILED");
    assertThat(api.credit(m, 5, "expiry:" + m + ":2026-01-01").code())
        .isEqualTo("VALIDATION_FAILED");
    assertThat(api.hold(m, 5, "h".repeat(101), 60).code()).isEqualTo("VALIDATION_FAILED");
    assertThat(api.get("members?name=x&limit=abc").code()).isEqualTo("VALIDATION_FAILED");
    assertThat(api.get("members/" + m + "/statement?limit=abc").code())
        .isEqualTo("VALIDATION_FAILED");
    assertThat(api.get("members/" + m + "/holds?active=maybe").code())
        .isEqualTo("VALIDATION_FAILED");
    assertThat(Db.ledgerRows()).isEqualTo(before);
  }

  @Test
  void theSameNewReferenceRacedForTwoMembersHasOneEffectAndAClearRefusal() throws Exception {
    String a = api.enroll("RaceA");
    String b = api.enroll("RaceB");
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 10; round++) {
        String ref = "race-" + a + "-" + round;
        List<java.util.concurrent.Future<Res>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          String member = i % 2 == 0 ? a : b;
          answers.add(pool.submit(() -> new Api(url).credit(member, 10, ref)));
        }
        List<Integer> statuses = new ArrayList<>();
        for (var f : answers) {
          Res r = f.get();
          statuses.add(r.status());
          if (r.status() == 409) {
            assertThat(r.code()).isEqualTo("SOURCE_REFERENCE_CONFLICT");
          }
        }
        assertThat(statuses).as("round " + round).containsOnly(201, 200, 409).containsOnlyOnce(201);
        assertThat(Db.count("select count(*) from accounts.ledger_entry where source_ref = ?", ref))
            .isEqualTo(1);
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void theDatabaseRefusesToChangeOrDeleteLedgerEntries() throws Exception {
    String m = api.enroll("AppendOnly");
    api.credit(m, 100, "ao-" + m);
    try (var c = Db.connect();
        var st = c.createStatement()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  st.executeUpdate(
                      "update accounts.ledger_entry set amount = 1000000 where source_ref = 'ao-"
                          + m
                          + "'"))
          .hasMessageContaining("append-only");
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  st.executeUpdate(
                      "delete from accounts.ledger_entry where source_ref = 'ao-" + m + "'"))
          .hasMessageContaining("append-only");
    }
    assertThat(api.balance(m).num("balance")).isEqualTo(100);
  }

  // --- platform

  @Test
  void healthAndTheOpenApiDocumentAreServed() {
    var ready = api.platform("/health/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).contains("\"database\"").contains("UP");
    var openapi = api.platform("/openapi");
    assertThat(openapi.statusCode()).isEqualTo(200);
    assertThat(openapi.body())
        .contains("/api/v1/members/{number}/statement")
        .contains("OpenMiles API");
  }

  @Test
  void theLedgerInvariantsHoldAfterAllOfThis() {
    assertThat(Db.invariantViolations()).isEmpty();
  }

  private Res status(String m, String status, String reason) {
    Res r =
        api.post(
            "members/" + m + "/status",
            "{\"status\":\"%s\",\"reason\":\"%s\"}".formatted(status, reason));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r;
  }

  private static List<String> numbers(Res r) {
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.array().stream().map(v -> v.asJsonObject().getString("number")).toList();
  }

  private static boolean luhnValid(String n) {
    int sum = 0;
    for (int i = 0; i < n.length(); i++) {
      int d = n.charAt(n.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
    }
    return sum % 10 == 0;
  }
}
