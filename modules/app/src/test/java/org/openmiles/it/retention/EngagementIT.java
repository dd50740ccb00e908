package org.openmiles.it.retention;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberService;
import org.openmiles.accounts.api.MilesLedger;
import org.openmiles.accounts.api.PostMiles;
import org.openmiles.accounts.api.Qualifying;
import org.openmiles.accounts.api.SourceReference;
import org.openmiles.it.support.Api;
import org.openmiles.it.support.Db;
import org.openmiles.it.support.Deployments;
import org.openmiles.it.support.Enrollments;
import org.openmiles.it.support.FileDrop;
import org.openmiles.retention.api.ActionAnswer;
import org.openmiles.retention.api.ActionStatus;
import org.openmiles.retention.api.ActionView;
import org.openmiles.retention.api.Channel;
import org.openmiles.retention.api.ConsentSelection;
import org.openmiles.retention.api.ConsentSource;
import org.openmiles.retention.api.Consents;
import org.openmiles.retention.api.Engagement;
import org.openmiles.retention.api.RecordAction;
import org.openmiles.retention.api.RecordConsent;
import org.openmiles.retention.api.RetentionCleanup;

/**
 * Retention's voice of the member in the server: engagement actions counted once under their caps
 * (also when they arrive at once) with their bonus miles, levels at their thresholds, referrals
 * credited when the friend flies; NPS answers by API and by the survey-results file and the NPS
 * figures; consent with its history and the selection rule campaigns use; who may call what.
 */
@ExtendWith(ArquillianExtension.class)
class EngagementIT {
  private static final ZoneId SAIGON = ZoneId.of("Asia/Ho_Chi_Minh");

  @Deployment
  static WebArchive deployment() {
    return Deployments.openmilesWithTests();
  }

  @ArquillianResource URL url;

  @Inject MemberService members;
  @Inject MilesLedger ledger;
  @Inject Engagement engagement;
  @Inject Consents consents;
  @Inject ConsentSelection selection;
  @Inject RetentionCleanup cleanup;

  private Api staff() {
    return new Api(url);
  }

  private Api app() {
    return staff().as("it-member-app", "member-app");
  }

  private Api marketing() {
    return staff().as("it-marketing", "marketing");
  }

  private static String id(String what) {
    return "it-" + what + "-" + Api.unique();
  }

  private static String action(String actionId, String type) {
    return "{\"actionId\":\"%s\",\"type\":\"%s\"}".formatted(actionId, type);
  }

  private static Api.Res post(Api api, String member, String body, String key) {
    return api.post("retention/members/" + member + "/engagement-actions", body, key);
  }

  private static long balance(Api api, String member) {
    return api.balance(member).num("balance");
  }

  @Test
  @RunAsClient
  void anActionEarnsItsPointsAndMilesExactlyOnce() {
    Api staff = staff();
    Api app = app();
    String m = staff.enroll("Engaged");
    String a = id("profile");
    String body = action(a, "PROFILE_COMPLETED");

    Api.Res first = post(app, m, body, "k1-" + a);
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    JsonObject act = first.json().getJsonObject("action");
    assertThat(act.getString("status")).isEqualTo("AWARDED");
    assertThat(act.getInt("points")).isEqualTo(50);
    assertThat(act.getJsonNumber("bonusMiles").longValue()).isEqualTo(500);
    assertThat(act.getString("ledgerReference")).isEqualTo("E:" + a);
    assertThat(first.num("memberPoints")).isEqualTo(50);
    assertThat(balance(staff, m)).isEqualTo(500);

    // the same Idempotency-Key and body: the first answer again, nothing more
    Api.Res replay = post(app, m, body, "k1-" + a);
    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.body()).isEqualTo(first.body());
    // the same action id under another key: the stored action, replayed
    Api.Res again = post(app, m, body, "k2-" + a);
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(again.json().getBoolean("replayed")).isTrue();
    assertThat(again.num("memberPoints")).isEqualTo(50);
    assertThat(balance(staff, m)).isEqualTo(500);

    // the key with another request; the action id for another member; no key; bad input
    assertThat(post(app, m, action(id("x"), "APP_CHECK_IN"), "k1-" + a).code())
        .isEqualTo("IDEMPOTENCY_KEY_REUSED");
    String other = staff.enroll("Other");
    Api.Res stolen = post(app, other, body, "k3-" + a);
    assertThat(stolen.status()).isEqualTo(409);
    assertThat(stolen.code()).isEqualTo("ACTION_ID_CONFLICT");
    assertThat(post(app, m, action(id("y"), "APP_CHECK_IN"), null).code())
        .isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
    Api.Res unknownType = post(app, m, action(id("z"), "TWEETED"), id("k"));
    assertThat(unknownType.status()).isEqualTo(400);
    assertThat(unknownType.code()).isEqualTo("UNKNOWN_ACTION_TYPE");
    String notEnrolled = MemberNumber.fromSequence(987_654_321L).value();
    Api.Res nobody = post(app, notEnrolled, action(id("n"), "APP_CHECK_IN"), id("k"));
    assertThat(nobody.status()).as(nobody.toString()).isEqualTo(404);
    assertThat(nobody.code()).isEqualTo("MEMBER_NOT_FOUND");
    assertThat(balance(staff, m)).isEqualTo(500);
    assertThat(balance(staff, other)).isZero();

    Api.Res seen = marketing().get("retention/members/" + m + "/engagement");
    assertThat(seen.status()).isEqualTo(200);
    assertThat(seen.num("points")).isEqualTo(50);
    assertThat(seen.json().getJsonArray("recentActions")).hasSize(1);
  }

  @Test
  void theHourlyCleanUpDeletesIdempotencyKeysOlderThanAWeekOnly() {
    String old = id("old-key");
    String recent = id("recent-key");
    String insert =
        "insert into retention.idempotency_key (caller, idempotency_key, request_hash, state,"
            + " attempt, response_status, response_body, created_at, updated_at)"
            + " values ('it-app', ?, repeat('0', 64), 'DONE', 'a', 201, '{}',"
            + " now() - cast(? as interval), now() - cast(? as interval))";
    Db.update(insert, old, "169 hours", "169 hours");
    Db.update(insert, recent, "167 hours", "167 hours");

    assertThat(cleanup.purgeIdempotencyKeys(Instant.now())).isGreaterThanOrEqualTo(1);

    String left = "select count(*) from retention.idempotency_key where idempotency_key = ?";
    assertThat(Db.count(left, old)).as("older than a week").isZero();
    assertThat(Db.count(left, recent)).as("within the week").isOne();
  }

  @Test
  @RunAsClient
  void tenCheckInsAtOnceUnderADailyCapOfOneCountOnce() throws Exception {
    Api app = app();
    String m = staff().enroll("Checkin");
    ExecutorService pool = Executors.newFixedThreadPool(10);
    List<Future<Api.Res>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 10; i++) {
        String a = id("checkin" + i);
        answers.add(pool.submit(() -> post(app, m, action(a, "APP_CHECK_IN"), "k-" + a)));
      }
      List<String> statuses = new ArrayList<>();
      int points = 0;
      for (Future<Api.Res> f : answers) {
        Api.Res r = f.get();
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        statuses.add(r.json().getJsonObject("action").getString("status"));
        points += r.json().getJsonObject("action").getInt("points");
      }
      // APP_CHECK_IN: 10 points, at most 10 a day: one check-in a day counts
      assertThat(statuses.stream().filter("AWARDED"::equals)).hasSize(1);
      assertThat(statuses.stream().filter("CAPPED"::equals)).hasSize(9);
      assertThat(points).isEqualTo(10);
    } finally {
      pool.shutdownNow();
    }
    assertThat(app.get("retention/members/" + m + "/engagement").num("points")).isEqualTo(10);
  }

  @Test
  @RunAsClient
  void theLevelIsReachedAtItsThreshold() {
    Api app = app();
    String m = staff().enroll("Level");
    assertThat(post(app, m, action(id("p"), "PROFILE_COMPLETED"), id("k")).num("memberPoints"))
        .isEqualTo(50);
    Api.Res review = post(app, m, action(id("r"), "REVIEW_WRITTEN"), id("k"));
    assertThat(review.num("memberPoints")).isEqualTo(80);
    assertThat(review.json().getJsonObject("level").getString("code")).isEqualTo("NEWCOMER");
    // answering a survey counts as NPS_ANSWERED (20 points): 100, the ENGAGED threshold
    String answer = id("nps");
    String nps =
        """
        {"answerId":"%s","member":"%s","score":8,"touchpoint":"CALL",\
        "answeredAt":"%sT09:00:00+07:00"}"""
            .formatted(answer, m, LocalDate.now(SAIGON).minusDays(3));
    assertThat(app.post("retention/nps-answers", nps).status()).isEqualTo(201);
    assertThat(app.post("retention/nps-answers", nps).status()).isEqualTo(200); // once per answer
    Api.Res history = app.get("retention/members/" + m + "/nps-answers");
    assertThat(history.status()).as(history.toString()).isEqualTo(200);
    assertThat(history.array()).hasSize(1);
    assertThat(history.array().getJsonObject(0).getString("answerId")).isEqualTo(answer);
    assertThat(history.array().getJsonObject(0).getInt("score")).isEqualTo(8);
    Api.Res e = app.get("retention/members/" + m + "/engagement");
    assertThat(e.num("points")).isEqualTo(100);
    assertThat(e.json().getJsonObject("level").getString("code")).isEqualTo("ENGAGED");
    assertThat(e.json().getJsonObject("nextLevel").getString("code")).isEqualTo("ADVOCATE");
    assertThat(e.num("pointsToNextLevel")).isEqualTo(200);
  }

  /** In the server: the referral waits for the friend's first flight, then pays once. */
  @Test
  void aReferralPaysWhenTheFriendHasEnrolledAndFlown() throws Exception {
    MemberNumber referrer = Enrollments.enroll(members, "Referrer");
    MemberNumber friend = Enrollments.enroll(members, "Friend");
    String a = "it-ref-" + UUID.randomUUID();
    ActionAnswer pending =
        engagement.record(new RecordAction(referrer, a, "REFERRAL", friend, "it"));
    assertThat(pending.action().status()).isEqualTo(ActionStatus.PENDING);
    assertThat(pending.action().points()).isZero();

    LocalDate today = LocalDate.now(SAIGON);
    // a partner credit is no flight: still pending
    ledger.post(
        PostMiles.credit(friend, 300, "it-ref-partner:" + UUID.randomUUID(), today, "stay"));
    assertThat(status(referrer, a)).isEqualTo(ActionStatus.PENDING);
    ledger.postBatch(
        List.of(
            new PostMiles(
                friend,
                EntryType.CREDIT,
                1200,
                SourceReference.of("it-ref-flight:" + UUID.randomUUID()),
                today,
                "IT flight",
                Qualifying.of(1200, BigDecimal.ONE))));
    // credited after the posting committed, through the outbox (the relay runs every 500 ms)
    for (int i = 0; i < 200 && status(referrer, a) != ActionStatus.AWARDED; i++) {
      Thread.sleep(100);
    }
    assertThat(status(referrer, a)).isEqualTo(ActionStatus.AWARDED);
    assertThat(engagement.engagement(referrer, 5).points()).isEqualTo(100);
    assertThat(ledger.balance(referrer).balance()).isEqualTo(1000);
    // a second flight of the friend pays nothing more
    ledger.postBatch(
        List.of(
            new PostMiles(
                friend,
                EntryType.CREDIT,
                800,
                SourceReference.of("it-ref-flight:" + UUID.randomUUID()),
                today,
                "IT flight",
                Qualifying.of(800, BigDecimal.ONE))));
    Thread.sleep(1500);
    assertThat(ledger.balance(referrer).balance()).isEqualTo(1000);
  }

  private ActionStatus status(MemberNumber member, String actionId) {
    return engagement.engagement(member, 10).recentActions().stream()
        .filter(x -> x.actionId().equals(actionId))
        .map(ActionView::status)
        .findFirst()
        .orElseThrow();
  }

  @Test
  @RunAsClient
  void referralsAreRefusedForOneselfAndForAFriendReferredBefore() {
    Api app = app();
    String m = staff().enroll("Refer");
    String friend = staff().enroll("Friend");
    String body = "{\"actionId\":\"%s\",\"type\":\"REFERRAL\",\"referredMember\":\"%s\"}";
    Api.Res ok = post(app, m, body.formatted(id("ref"), friend), id("k"));
    assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
    assertThat(ok.json().getJsonObject("action").getString("status")).isEqualTo("PENDING");
    assertThat(post(app, m, body.formatted(id("ref"), friend), id("k")).code())
        .isEqualTo("ALREADY_REFERRED");
    assertThat(post(app, m, body.formatted(id("ref"), m), id("k")).code())
        .isEqualTo("REFERRAL_REFUSED");
  }

  // --- NPS

  private static String answer(
      String answerId, String member, int score, String touchpoint, String route, String at) {
    return """
        {"answerId":"%s","member":"%s","score":%d,"touchpoint":"%s",%s"answeredAt":"%s"}"""
        .formatted(
            answerId,
            member,
            score,
            touchpoint,
            route == null ? "" : "\"route\":\"" + route + "\",",
            at);
  }

  private static Map<String, JsonObject> rows(Api.Res report) {
    assertThat(report.status()).as(report.toString()).isEqualTo(200);
    return report.json().getJsonArray("rows").stream()
        .map(JsonValue::asJsonObject)
        .collect(Collectors.toMap(r -> r.getString("key"), r -> r));
  }

  private static void assertRow(JsonObject row, int answers, String nps) {
    assertThat(row.getInt("answers")).as(row.toString()).isEqualTo(answers);
    assertThat(row.getJsonNumber("nps").bigDecimalValue()).isEqualByComparingTo(nps);
  }

  @Test
  @RunAsClient
  void npsByApiAndByFileWithItsFigures() throws Exception {
    Api app = app();
    Api mkt = marketing();
    String m1 = staff().enroll("Nps");
    String m2 = staff().enroll("Nps");
    // the last day of a month and the first of the next, within the last year, nobody answered in
    List<LocalDate> firsts = new ArrayList<>();
    for (int k = 1; k <= 9; k++) {
      firsts.add(LocalDate.now(SAIGON).withDayOfMonth(1).minusMonths(k));
    }
    Collections.shuffle(firsts);
    LocalDate second = null;
    String range = null;
    for (LocalDate first : firsts) {
      String r = "from=%s&to=%s".formatted(first.minusDays(1), first);
      if (mkt.get("retention/nps?by=month&" + r).json().getJsonObject("total").getInt("answers")
          == 0) {
        second = first;
        range = r;
        break;
      }
    }
    assertThat(range)
        .as("a month boundary without answers (a fresh database has them all)")
        .isNotNull();
    String jan = second.minusDays(1) + "T12:00:00+07:00";
    String feb = second + "T12:00:00+07:00";
    String m01 = YearMonth.from(second.minusDays(1)).toString();
    String m02 = YearMonth.from(second).toString();
    String run = Api.unique();

    // by API: 10 and 9 after flights SGN-HAN, 3 after a call, 7 after an award
    for (String body :
        List.of(
            answer("a1-" + run, m1, 10, "FLIGHT", "SGN-HAN", jan),
            answer("a2-" + run, m2, 9, "FLIGHT", "SGN-HAN", jan),
            answer("a3-" + run, m1, 3, "CALL", null, jan),
            answer("a4-" + run, m2, 7, "AWARD", null, feb))) {
      Api.Res r = app.post("retention/nps-answers", body);
      assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }
    Api.Res stored =
        app.post("retention/nps-answers", answer("a1-" + run, m1, 10, "FLIGHT", "SGN-HAN", jan));
    assertThat(stored.status()).isEqualTo(200);
    assertThat(stored.json().getBoolean("replayed")).isTrue();
    assertThat(
            app.post("retention/nps-answers", answer("a1-" + run, m1, 2, "FLIGHT", null, jan))
                .code())
        .isEqualTo("NPS_ANSWER_CONFLICT");
    Api.Res outOfRange =
        app.post("retention/nps-answers", answer("a9-" + run, m1, 11, "FLIGHT", null, jan));
    assertThat(outOfRange.status()).isEqualTo(400);
    assertThat(outOfRange.code()).isEqualTo("SCORE_OUT_OF_RANGE");
    assertThat(
            app.post("retention/nps-answers", answer("a9-" + run, m1, 5, "LOUNGE", null, jan))
                .code())
        .isEqualTo("UNKNOWN_TOUCHPOINT");
    Api.Res old =
        app.post(
            "retention/nps-answers",
            answer(
                "a9-" + run,
                m1,
                5,
                "CALL",
                null,
                LocalDate.now(SAIGON).minusMonths(13) + "T09:00:00Z"));
    assertThat(old.code()).isEqualTo("VALIDATION_FAILED");
    String ghost = MemberNumber.fromSequence(987_654_322L).value();
    assertThat(
            app.post("retention/nps-answers", answer("a9-" + run, ghost, 5, "CALL", null, jan))
                .code())
        .isEqualTo("MEMBER_NOT_FOUND");

    // by file: 9 after a flight HAN-SGN, a score of 11 (rejected), 0 after a partner stay, and a2
    // again (stored by the API already: a duplicate)
    Path surveys = FileDrop.filesRoot().resolve("airline").resolve("surveys");
    String lines =
        String.join(
            "\n",
            "D,f1-" + run + "," + m1 + ",9,FLIGHT," + feb + ",VN244,HAN-SGN,\"Good, on time\"",
            "D,f2-" + run + "," + m1 + ",11,FLIGHT," + feb + ",,,",
            "D,f3-" + run + "," + m2 + ",0,PARTNER," + feb + ",,,Lost my miles",
            "D,a2-" + run + "," + m2 + ",9,FLIGHT," + jan + ",,SGN-HAN,");
    String file =
        "H,OPENMILES-SURVEY-RESULTS,1,VN,"
            + LocalDate.now()
            + ","
            + run
            + "\n"
            + lines
            + "\nT,4,29\n";
    String name = "survey-" + run + ".csv";
    Map<String, String> ack = FileDrop.drop(surveys, name, file);
    assertThat(ack)
        .containsEntry("status", "PROCESSED")
        .containsEntry("records", "4")
        .containsEntry("accepted", "2")
        .containsEntry("duplicates", "1")
        .containsEntry("rejected", "1");
    assertThat(FileDrop.rejectCodes(surveys, name)).containsExactly("3,SCORE_OUT_OF_RANGE");
    // the same file again is a duplicate; another file with the same answers adds nothing
    assertThat(FileDrop.drop(surveys, "again-" + name, file)).containsEntry("status", "DUPLICATE");
    String resent =
        "H,OPENMILES-SURVEY-RESULTS,1,VN,"
            + LocalDate.now()
            + ",R"
            + run
            + "\n"
            + lines
            + "\nT,4,29\n";
    assertThat(FileDrop.drop(surveys, "resent-" + name, resent))
        .containsEntry("status", "PROCESSED")
        .containsEntry("accepted", "0")
        .containsEntry("duplicates", "3");

    // 6 answers: promoters 10, 9, 9; detractors 3, 0; passive 7. NPS = (3 - 2) / 6 = 16.7
    Map<String, JsonObject> byMonth = rows(mkt.get("retention/nps?by=month&" + range));
    assertThat(byMonth).containsOnlyKeys(m01, m02);
    assertRow(byMonth.get(m01), 3, "33.3"); // 10, 9, 3
    assertRow(byMonth.get(m02), 3, "0.0"); // 7, 9, 0
    Api.Res month = mkt.get("retention/nps?by=month&" + range);
    assertRow(month.json().getJsonObject("total"), 6, "16.7");

    Map<String, JsonObject> byTouchpoint = rows(mkt.get("retention/nps?by=touchpoint&" + range));
    assertRow(byTouchpoint.get("FLIGHT"), 3, "100.0");
    assertRow(byTouchpoint.get("CALL"), 1, "-100.0");
    assertRow(byTouchpoint.get("AWARD"), 1, "0.0");
    assertRow(byTouchpoint.get("PARTNER"), 1, "-100.0");

    Map<String, JsonObject> byRoute = rows(mkt.get("retention/nps?by=route&" + range));
    assertRow(byRoute.get("SGN-HAN"), 2, "100.0");
    assertRow(byRoute.get("HAN-SGN"), 1, "100.0");
    assertRow(byRoute.get("NONE"), 3, "-66.7");

    // the tier when answering: both members were in the base tier
    Map<String, JsonObject> byTier = rows(mkt.get("retention/nps?by=tier&" + range));
    assertThat(byTier).containsOnlyKeys("MEMBER");
    assertRow(byTier.get("MEMBER"), 6, "16.7");
    // the current segment: every answer in one of the groups (UNSCORED until members are scored)
    Map<String, JsonObject> bySegment = rows(mkt.get("retention/nps?by=segment&" + range));
    assertThat(bySegment.values().stream().mapToInt(r -> r.getInt("answers")).sum()).isEqualTo(6);
    assertThat(mkt.get("retention/nps?by=weather&" + range).code())
        .isEqualTo("UNKNOWN_NPS_DIMENSION");

    // each answer counted once as NPS_ANSWERED (20 points, at most 40 a day): m1 answered 3 times
    assertThat(app.get("retention/members/" + m1 + "/engagement").num("points")).isEqualTo(40);
  }

  // --- consent

  @Test
  @RunAsClient
  void consentKeepsItsHistoryAndTheLatestDecisionWins() {
    Api app = app();
    Api agent = staff().as("it-agent-7", "back-office");
    String m = staff().enroll("Consent");
    String path = "retention/members/" + m + "/consents";

    Api.Res granted = app.put(path + "/email", "{\"granted\":true,\"source\":\"APP\"}");
    assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
    assertThat(granted.json().getBoolean("changed")).isTrue();
    assertThat(
            app.put(path + "/EMAIL", "{\"granted\":true,\"source\":\"APP\"}")
                .json()
                .getBoolean("changed"))
        .isFalse();
    Api.Res withdrawn =
        agent.put(path + "/EMAIL", "{\"granted\":false,\"source\":\"CALL_CENTER\"}");
    assertThat(withdrawn.json().getJsonObject("consent").getString("principal"))
        .isEqualTo("it-agent-7");
    app.put(path + "/SMS", "{\"granted\":true}");

    Api.Res seen = marketing().get(path);
    assertThat(seen.status()).isEqualTo(200);
    Map<String, Boolean> current =
        seen.json().getJsonArray("current").stream()
            .map(JsonValue::asJsonObject)
            .collect(Collectors.toMap(c -> c.getString("channel"), c -> c.getBoolean("granted")));
    assertThat(current).containsExactlyInAnyOrderEntriesOf(Map.of("EMAIL", false, "SMS", true));
    List<String> history =
        seen.json().getJsonArray("history").stream()
            .map(JsonValue::asJsonObject)
            .map(
                h ->
                    h.getString("channel")
                        + " "
                        + h.getBoolean("granted")
                        + " "
                        + h.getString("source")
                        + " "
                        + h.getString("principal"))
            .toList();
    assertThat(history)
        .containsExactly(
            "SMS true API it-member-app",
            "EMAIL false CALL_CENTER it-agent-7",
            "EMAIL true APP it-member-app");

    Api.Res channel = app.put(path + "/FAX", "{\"granted\":true}");
    assertThat(channel.status()).isEqualTo(400);
    assertThat(channel.code()).isEqualTo("UNKNOWN_CHANNEL");
    assertThat(app.put(path + "/SMS", "{\"granted\":true,\"source\":\"PIGEON\"}").code())
        .isEqualTo("UNKNOWN_CONSENT_SOURCE");
    String ghost = MemberNumber.fromSequence(987_654_323L).value();
    assertThat(app.get("retention/members/" + ghost + "/consents").code())
        .isEqualTo("MEMBER_NOT_FOUND");
  }

  /**
   * In the server: of a set of members, only those whose latest decision for the channel granted
   * consent are selected; one who withdrew never is, one who granted again is, one who never
   * answered is not.
   */
  @Test
  void campaignsSelectOnlyMembersWhoseLatestDecisionGrantedTheChannel() {
    MemberNumber granted = Enrollments.enroll(members, "Granted");
    MemberNumber withdrew = Enrollments.enroll(members, "Withdrew");
    MemberNumber regranted = Enrollments.enroll(members, "Regranted");
    MemberNumber never = Enrollments.enroll(members, "Never");
    MemberNumber smsOnly = Enrollments.enroll(members, "Sms");
    decide(granted, Channel.EMAIL, true);
    decide(withdrew, Channel.EMAIL, true);
    decide(withdrew, Channel.EMAIL, false);
    decide(regranted, Channel.EMAIL, true);
    decide(regranted, Channel.EMAIL, false);
    decide(regranted, Channel.EMAIL, true);
    decide(smsOnly, Channel.SMS, true);
    decide(smsOnly, Channel.EMAIL, false);
    List<MemberNumber> all = List.of(granted, withdrew, regranted, never, smsOnly);

    assertThat(selection.consented(Channel.EMAIL, all))
        .containsExactlyInAnyOrder(granted, regranted);
    assertThat(selection.consented(Channel.SMS, all)).containsExactly(smsOnly);
    assertThat(selection.consented(Channel.PUSH, all)).isEmpty();
    assertThat(selection.consented(Channel.EMAIL, List.of())).isEmpty();
    // the withdrawal stays in the history, and the regranted member's history has all three
    assertThat(consents.consents(regranted).history()).hasSize(3);
    Set<MemberNumber> emailable = selection.consented(Channel.EMAIL, List.of(withdrew, never));
    assertThat(emailable).isEmpty();
  }

  private void decide(MemberNumber m, Channel channel, boolean granted) {
    consents.record(new RecordConsent(m, channel, granted, ConsentSource.CONSOLE, "it-agent"));
  }

  // --- who may call what

  @Test
  @RunAsClient
  void wrongRolesAreRefusedAndNoTokenIsUnauthenticated() {
    Api staff = staff();
    String m = staff.enroll("Roles");
    String engagementPath = "retention/members/" + m + "/engagement-actions";
    Api.Res anonymous =
        Api.anonymous(url).post(engagementPath, action(id("a"), "APP_CHECK_IN"), id("k"));
    assertThat(anonymous.status()).isEqualTo(401);
    Api auditor = staff.as("it-auditor", "auditor");
    assertThat(auditor.post(engagementPath, action(id("a"), "APP_CHECK_IN"), id("k")).status())
        .isEqualTo(403);
    assertThat(auditor.get("retention/members/" + m + "/engagement").status()).isEqualTo(200);
    assertThat(auditor.get("retention/nps").status()).isEqualTo(200);
    assertThat(
            auditor
                .put("retention/members/" + m + "/consents/EMAIL", "{\"granted\":true}")
                .status())
        .isEqualTo(403);
    assertThat(app().get("retention/nps").status()).isEqualTo(403);
    Api backOffice = staff.as("it-bo", "back-office");
    assertThat(
            backOffice
                .post(
                    "retention/nps-answers",
                    answer(id("r"), m, 9, "CALL", null, LocalDate.now(SAIGON) + "T00:00:00+07:00"))
                .status())
        .isEqualTo(403);
    assertThat(backOffice.post(engagementPath, action(id("a"), "APP_CHECK_IN"), id("k")).status())
        .isEqualTo(403);
    assertThat(marketing().post(engagementPath, action(id("a"), "APP_CHECK_IN"), id("k")).status())
        .isEqualTo(201);
  }
}
