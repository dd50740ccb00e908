package org.openmiles.it.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openmiles.accounts.api.EnrollMember;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberService;
import org.openmiles.accounts.api.MilesLedger;
import org.openmiles.accounts.api.PostMiles;
import org.openmiles.accounts.api.Qualifying;
import org.openmiles.accounts.api.SourceReference;
import org.openmiles.common.csv.CsvCells;
import org.openmiles.it.support.Api;
import org.openmiles.it.support.Db;
import org.openmiles.it.support.Deployments;
import org.openmiles.it.support.FileDrop;

/**
 * Campaign triggers end to end: members seeded for every rule (enrollment and ledger through the
 * real services, consents and suppressions through the API, scores and first flights in retention's
 * tables as the scoring job and the facts would write them), a run through the API, its audiences
 * (consent, withdrawal and suppression honoured), a second run adding nobody twice, the CSV files
 * in {@code campaigns/outbound}, the webhook receiving the rows after failing twice, and the roles.
 */
@ExtendWith(ArquillianExtension.class)
class CampaignsIT {
  private static final ZoneId SAIGON = ZoneId.of("Asia/Ho_Chi_Minh");

  @Deployment
  static WebArchive deployment() {
    return Deployments.openmilesWithTests();
  }

  @ArquillianResource URL url;
  @Inject MemberService memberService;
  @Inject MilesLedger ledger;

  private Api marketing() {
    return new Api(url).as("it-marketing", "marketing");
  }

  private String enroll(String first) {
    String u = UUID.randomUUID().toString().substring(0, 8);
    return memberService
        .enroll(
            new EnrollMember(
                first,
                "Campaign",
                "camp-" + u + "@example.org",
                "+8490" + (1_000_000 + Math.abs(u.hashCode() % 8_999_999)),
                LocalDate.of(1982, 5, 6),
                "VN",
                false),
            null)
        .number()
        .value();
  }

  private void consent(String member, String channel, boolean granted) {
    Api.Res r =
        new Api(url)
            .as("it-app", "member-app")
            .put(
                "retention/members/" + member + "/consents/" + channel,
                "{\"granted\":" + granted + ",\"source\":\"APP\"}");
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
  }

  /** A score of the given scoring run, as the job would publish it. */
  private static void score(
      long run, String member, String segment, boolean risk, String monetary) {
    LocalDate y = LocalDate.now(SAIGON).minusDays(1);
    Db.update(
        "insert into retention.member_score (member_number, run_id, as_of, first_activity,"
            + " last_activity, recency_days, frequency, monetary, r_score, f_score, m_score,"
            + " segment, repeat_days, p_alive, expected_days_12m, expected_value, clv, tier_code,"
            + " churn_risk, churn_codes, scored_at) values (?, ?, ?, ?, ?, 10, 5, ?, 5, 5, 5, ?,"
            + " 4, 0.9, 3.0, 100, 900, null, ?, ?, now())"
            + " on conflict (member_number) do update set run_id = excluded.run_id,"
            + " segment = excluded.segment, churn_risk = excluded.churn_risk,"
            + " monetary = excluded.monetary",
        member,
        run,
        Date.valueOf(y),
        Date.valueOf(y.minusDays(300)),
        Date.valueOf(y.minusDays(10)),
        new BigDecimal(monetary),
        segment,
        risk,
        risk ? "P_ALIVE" : "");
  }

  private JsonObject runToEnd(Api api) throws InterruptedException {
    return follow(api.post("retention/campaigns/runs", null));
  }

  /** Follows a started run to its end; returns the finished run. */
  private JsonObject follow(Api.Res started) throws InterruptedException {
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    long id = started.num("id");
    assertThat(started.location()).endsWith("/api/v1/retention/campaigns/runs/" + id);
    JsonObject run = started.json();
    for (int i = 0; i < 600 && "RUNNING".equals(run.getString("state")); i++) {
      Thread.sleep(200);
      run = marketing().get("retention/campaigns/runs/" + id).json();
    }
    assertThat(run.getString("state")).as(run.toString()).isEqualTo("DONE");
    return run;
  }

  private List<String> audience(long run, String campaign) {
    List<String> out = new ArrayList<>();
    String after = "";
    while (true) {
      Api.Res page =
          marketing()
              .get(
                  "retention/campaigns/runs/"
                      + run
                      + "/audiences/"
                      + campaign
                      + "?limit=200"
                      + after);
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      for (JsonValue r : page.json().getJsonArray("rows")) {
        out.add(r.asJsonObject().getString("member"));
      }
      JsonValue next = page.json().get("nextAfter");
      if (next == null || next.getValueType() == JsonValue.ValueType.NULL) {
        return out;
      }
      after = "&after=" + next;
    }
  }

  private static JsonObject campaignOf(JsonObject run, String campaign) {
    for (JsonValue c : run.getJsonArray("campaigns")) {
      if (c.asJsonObject().getString("campaign").equals(campaign)) {
        return c.asJsonObject();
      }
    }
    throw new AssertionError("no campaign " + campaign + " in " + run);
  }

  @Test
  void rulesSelectConsentingUnsuppressedMembersOncePerWindowAndTheFilesGoOut() throws Exception {
    // the webhook receiver: each campaign's first two POSTs fail, the third is taken
    Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    List<JsonObject> received = new CopyOnWriteArrayList<>();
    HttpServer receiver =
        HttpServer.create(
            new InetSocketAddress(
                "127.0.0.1",
                // the test runs in the server, which ItTls gave the webhook's address
                java.net
                    .URI
                    .create(System.getProperty("openmiles.retention.campaigns.webhook-url"))
                    .getPort()),
            0);
    receiver.createContext(
        "/campaigns",
        exchange -> {
          JsonObject body;
          try (JsonReader r =
              Json.createReader(
                  new StringReader(
                      new String(
                          exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)))) {
            body = r.readObject();
          }
          int n =
              calls
                  .computeIfAbsent(
                      body.getJsonNumber("run") + ":" + body.getString("campaign"),
                      k -> new AtomicInteger())
                  .incrementAndGet();
          int status = n <= 2 ? 500 : 200;
          if (status == 200) {
            received.add(body);
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    receiver.start();
    try {
      check(calls, received);
    } finally {
      receiver.stop(0);
    }
  }

  private void check(Map<String, AtomicInteger> calls, List<JsonObject> received) throws Exception {
    LocalDate today = LocalDate.now(SAIGON);
    // WELCOME (EMAIL): enrolled now
    String welcome = enroll("Welcome");
    consent(welcome, "EMAIL", true);
    String noConsent = enroll("Silent");
    String withdrew = enroll("Withdrew");
    consent(withdrew, "EMAIL", true);
    consent(withdrew, "EMAIL", false);
    String smsOnly = enroll("Smsonly");
    consent(smsOnly, "SMS", true);
    String suppressedAll = enroll("Suppressed");
    consent(suppressedAll, "EMAIL", true);
    String suppressedWinBack = enroll("Otherwise");
    consent(suppressedWinBack, "EMAIL", true);

    Api.Res sup =
        marketing()
            .put(
                "retention/campaigns/suppressions/" + suppressedAll + "/ALL",
                "{\"reason\":\"asked not to be contacted\"}");
    assertThat(sup.status()).as(sup.toString()).isEqualTo(200);
    assertThat(sup.str("addedBy")).isEqualTo("it-marketing");
    assertThat(
            marketing()
                .put(
                    "retention/campaigns/suppressions/" + suppressedWinBack + "/WIN_BACK",
                    "{\"reason\":\"complained\"}")
                .status())
        .isEqualTo(200);
    // a lifted suppression no longer counts; an unknown campaign and a missing reason are refused
    String lifted = enroll("Lifted");
    consent(lifted, "EMAIL", true);
    marketing()
        .put("retention/campaigns/suppressions/" + lifted + "/WELCOME", "{\"reason\":\"x\"}");
    assertThat(
            marketing().delete("retention/campaigns/suppressions/" + lifted + "/WELCOME").status())
        .isEqualTo(204);
    assertThat(marketing().delete("retention/campaigns/suppressions/" + lifted + "/WELCOME").code())
        .isEqualTo("SUPPRESSION_NOT_FOUND");
    assertThat(
            marketing()
                .put("retention/campaigns/suppressions/" + lifted + "/NOPE", "{\"reason\":\"x\"}")
                .code())
        .isEqualTo("UNKNOWN_CAMPAIGN");
    assertThat(
            marketing()
                .put("retention/campaigns/suppressions/" + lifted + "/WELCOME", "{}")
                .status())
        .isEqualTo(400);
    Api.Res list = marketing().get("retention/campaigns/suppressions/" + suppressedWinBack);
    assertThat(list.array()).hasSize(1);
    assertThat(list.array().getJsonObject(0).getString("campaign")).isEqualTo("WIN_BACK");

    // FIRST_FLIGHT (EMAIL): a first flight yesterday; another member flew long before
    String firstFlight = enroll("Firstflight");
    consent(firstFlight, "EMAIL", true);
    String oldFlyer = enroll("Oldflyer");
    consent(oldFlyer, "EMAIL", true);
    for (String[] d :
        new String[][] {
          {firstFlight, today.minusDays(1).toString()},
          {oldFlyer, today.minusDays(1).toString()},
          {oldFlyer, today.minusDays(200).toString()}
        }) {
      Db.update(
          "insert into retention.member_day (member_number, activity_date, flights, revenue,"
              + " miles_earned) values (?, ?::date, 1, 100, 1000) on conflict do nothing",
          d[0],
          d[1]);
    }

    // BEST_CUSTOMER and WIN_BACK (EMAIL): the latest scoring run moved one member into Champions
    // and put two at risk (one of them suppressed for win-back only)
    String champion = enroll("Champion");
    consent(champion, "EMAIL", true);
    String atRisk = enroll("Atrisk");
    consent(atRisk, "EMAIL", true);
    String nearTier = enroll("Neartier");
    consent(nearTier, "PUSH", true);
    String riskNoPush = enroll("Pushless");
    long scoring =
        Db.count(
            "insert into retention.score_run (kind, trigger_kind, as_of, state, step, node,"
                + " finished_at) values ('SCORE', 'TEST', ?, 'DONE', 'DONE', 'it', now())"
                + " returning run_id",
            Date.valueOf(today.minusDays(1)));
    score(scoring, champion, "Champions", false, "10");
    Db.update(
        "insert into retention.segment_history (member_number, run_id, changed_on, from_segment,"
            + " to_segment, changed_at) values (?, ?, ?, 'Loyal', 'Champions', now())",
        champion,
        scoring,
        Date.valueOf(today.minusDays(1)));
    for (String m : List.of(atRisk, suppressedWinBack)) {
      score(scoring, m, "At risk", true, "10");
      Db.update(
          "insert into retention.member_churn_reason (member_number, code, reason)"
              + " values (?, 'P_ALIVE', 'P(alive) 0.12 is below 0.30') on conflict do nothing",
          m);
    }
    // NEAR_NEXT_TIER (PUSH): 12,000 qualifying miles this year, Titanium at 15,000
    score(scoring, nearTier, "Loyal", false, "99999999");
    score(scoring, riskNoPush, "Loyal", false, "99999998");
    for (String m : List.of(nearTier, riskNoPush)) {
      assertThat(
              ledger
                  .postBatch(
                      List.of(
                          new PostMiles(
                              new MemberNumber(m),
                              EntryType.CREDIT,
                              12_000,
                              SourceReference.of("it-camp:" + UUID.randomUUID()),
                              today,
                              "IT flight",
                              Qualifying.of(12_000, new BigDecimal("2")))))
                  .rejected())
          .isEmpty();
    }
    // MILES_EXPIRING (SMS): miles earned 2023-12-10 are valid through 2026-12-31
    String expiring = enroll("Expiring");
    consent(expiring, "SMS", true);
    Api.Res credit = new Api(url).credit(expiring, 700, "it-camp:" + Api.unique(), "2023-12-10");
    assertThat(credit.status()).as(credit.toString()).isEqualTo(201);

    // one run at a time: a run still RUNNING refuses another
    long fake =
        Db.count(
            "insert into retention.campaign_run (trigger_kind, state, run_date, node)"
                + " values ('TEST', 'RUNNING', current_date, 'it') returning run_id");
    Api.Res busy = marketing().post("retention/campaigns/runs", null);
    assertThat(busy.status()).as(busy.toString()).isEqualTo(409);
    assertThat(busy.code()).isEqualTo("CAMPAIGN_RUN_IN_PROGRESS");
    Db.update("update retention.campaign_run set state = 'FAILED' where run_id = ?", fake);

    JsonObject run = runToEnd(marketing());
    long id = run.getJsonNumber("id").longValue();
    assertThat(run.getString("requestedBy")).isEqualTo("it-marketing");

    List<String> welcomed = audience(id, "WELCOME");
    assertThat(welcomed).contains(welcome, suppressedWinBack, lifted, champion, atRisk);
    assertThat(welcomed)
        .doesNotContain(noConsent, withdrew, smsOnly, suppressedAll, nearTier, expiring);
    assertThat(audience(id, "FIRST_FLIGHT")).contains(firstFlight).doesNotContain(oldFlyer);
    assertThat(audience(id, "BEST_CUSTOMER")).contains(champion).doesNotContain(atRisk);
    assertThat(audience(id, "WIN_BACK"))
        .contains(atRisk)
        .doesNotContain(suppressedWinBack, champion, suppressedAll);
    assertThat(audience(id, "NEAR_NEXT_TIER")).contains(nearTier).doesNotContain(riskNoPush);
    assertThat(audience(id, "MILES_EXPIRING")).contains(expiring).doesNotContain(welcome);
    // consent is checked for every campaign: nobody without a granted consent for its channel
    assertThat(
            Db.count(
                "select count(*) from retention.campaign_audience a where a.run_id = ? and not"
                    + " exists (select 1 from retention.member_consent c where c.member_number ="
                    + " a.member_number and c.channel = a.channel and c.granted)",
                id))
        .isZero();
    Api.Res page = marketing().get("retention/campaigns/runs/" + id + "/audiences/WIN_BACK");
    JsonObject winBack = null;
    for (JsonValue r : page.json().getJsonArray("rows")) {
      if (r.asJsonObject().getString("member").equals(atRisk)) {
        winBack = r.asJsonObject();
      }
    }
    assertThat(winBack).isNotNull();
    assertThat(winBack.getString("reasons")).contains("P(alive) 0.12");
    assertThat(winBack.getString("segment")).isEqualTo("At risk");
    assertThat(campaignOf(run, "WELCOME").getJsonNumber("selected").longValue())
        .isGreaterThanOrEqualTo(5);

    // the files: one per campaign, renamed into campaigns/outbound, with the right rows
    Path outbound = FileDrop.filesRoot().resolve("campaigns").resolve("outbound");
    Path welcomeFile = outbound.resolve("WELCOME-" + today + "-run" + id + ".csv");
    List<String> lines =
        FileDrop.awaitLines(welcomeFile, java.time.Duration.ofSeconds(120), "file");
    assertThat(lines.get(0))
        .isEqualTo("member,first_name,last_name,channel,channel_address,segment,reasons,offer");
    String welcomeLine =
        lines.stream().filter(l -> l.startsWith(welcome + ",")).findFirst().orElseThrow();
    String email = memberService.get(new MemberNumber(welcome)).email();
    assertThat(welcomeLine).startsWith(welcome + ",Welcome,Campaign,EMAIL," + email + ",");
    assertThat(lines).noneMatch(l -> l.startsWith(noConsent + ",") || l.startsWith(withdrew + ","));
    List<String> sms =
        FileDrop.awaitLines(
            outbound.resolve("MILES_EXPIRING-" + today + "-run" + id + ".csv"),
            java.time.Duration.ofSeconds(120),
            "file");
    String phone = memberService.get(new MemberNumber(expiring)).phone();
    assertThat(sms)
        .anyMatch(
            l -> l.startsWith(expiring + ",Expiring,Campaign,SMS," + CsvCells.cell(phone) + ","));
    try (var files = Files.list(outbound)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith(".") && n.contains("run" + id));
    }

    // the webhook: refused twice, taken on the third attempt; the delivery is recorded
    JsonObject delivered = run;
    for (int i = 0; i < 600; i++) {
      delivered = marketing().get("retention/campaigns/runs/" + id).json();
      JsonValue file = campaignOf(delivered, "WELCOME").get("file");
      if (file != null
          && file.getValueType() == JsonValue.ValueType.OBJECT
          && "DELIVERED".equals(file.asJsonObject().getString("state"))) {
        break;
      }
      Thread.sleep(200);
    }
    JsonObject welcomeFileState = campaignOf(delivered, "WELCOME").getJsonObject("file");
    assertThat(welcomeFileState.getString("state")).as(delivered.toString()).isEqualTo("DELIVERED");
    assertThat(welcomeFileState.getInt("attempts")).isEqualTo(3);
    assertThat(welcomeFileState.getString("fileName"))
        .isEqualTo("WELCOME-" + today + "-run" + id + ".csv");
    assertThat(calls.get(id + ":WELCOME").get()).isEqualTo(3);
    JsonObject body =
        received.stream()
            .filter(b -> b.getJsonNumber("run").longValue() == id)
            .filter(b -> b.getString("campaign").equals("WELCOME"))
            .findFirst()
            .orElseThrow();
    JsonObject row =
        body.getJsonArray("rows").stream()
            .map(JsonValue::asJsonObject)
            .filter(r -> r.getString("member").equals(welcome))
            .findFirst()
            .orElseThrow();
    assertThat(row.getString("channelAddress")).isEqualTo(email);
    assertThat(row.getString("firstName")).isEqualTo("Welcome");
    assertThat(row.containsKey("birthDate")).isFalse();
    // every export audited: the file and the webhook
    assertThat(
            Db.count(
                "select count(*) from retention.campaign_export_audit where run_id = ? and"
                    + " campaign_code = 'WELCOME' and principal = 'it-marketing'",
                id))
        .isEqualTo(2);

    // a second run in the same windows adds none of them again. It is started with an
    // Idempotency-Key: the same key again answers the first answer, that run, and starts no other
    Api ops = new Api(url).as("it-ops", "operations");
    String key = "it-campaigns-" + Api.unique();
    Api.Res started = ops.post("retention/campaigns/runs", null, key);
    JsonObject second = follow(started);
    long id2 = second.getJsonNumber("id").longValue();
    Api.Res again = ops.post("retention/campaigns/runs", null, key);
    assertThat(again.status()).as(again.toString()).isEqualTo(202);
    assertThat(again.json()).isEqualTo(started.json());
    assertThat(again.location()).endsWith("/api/v1/retention/campaigns/runs/" + id2);
    assertThat(Db.count("select count(*) from retention.campaign_run where run_id > ?", id2))
        .isZero();
    // the key belongs to that request: a scoring start with it is refused, and starts nothing
    Api.Res keyReused = ops.post("retention/runs", null, key);
    assertThat(keyReused.status()).as(keyReused.toString()).isEqualTo(422);
    assertThat(keyReused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    assertThat(audience(id2, "WELCOME")).doesNotContain(welcome, champion);
    assertThat(audience(id2, "WIN_BACK")).doesNotContain(atRisk);
    assertThat(audience(id2, "NEAR_NEXT_TIER")).doesNotContain(nearTier);
    assertThat(
            Db.count(
                "select count(*) from retention.campaign_audience where member_number = ?",
                welcome))
        .isEqualTo(1);
  }

  @Test
  void rolesAndRefusals() {
    Api.Res anonymous = Api.anonymous(url).get("retention/campaigns");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(new Api(url).as("it-app", "member-app").get("retention/campaigns").status())
        .isEqualTo(403);
    Api.Res catalogue = new Api(url).as("it-audit", "auditor").get("retention/campaigns");
    assertThat(catalogue.status()).isEqualTo(200);
    assertThat(catalogue.array().stream().map(c -> c.asJsonObject().getString("code")))
        .contains(
            "WELCOME",
            "FIRST_FLIGHT",
            "BEST_CUSTOMER",
            "WIN_BACK",
            "NEAR_NEXT_TIER",
            "MILES_EXPIRING");
    Api auditor = new Api(url).as("it-audit", "auditor");
    assertThat(auditor.post("retention/campaigns/runs", null).status()).isEqualTo(403);
    assertThat(auditor.get("retention/campaigns/runs").status()).isEqualTo(200);
    String m = new Api(url).enroll("Campaign");
    assertThat(
            auditor
                .put("retention/campaigns/suppressions/" + m + "/ALL", "{\"reason\":\"x\"}")
                .status())
        .isEqualTo(403);
    assertThat(
            new Api(url)
                .as("it-ops", "operations")
                .get("retention/campaigns/runs/1/audiences/WELCOME")
                .status())
        .isEqualTo(403);
    assertThat(marketing().get("retention/campaigns/runs/999999999").code())
        .isEqualTo("CAMPAIGN_RUN_NOT_FOUND");
    assertThat(marketing().get("retention/campaigns/runs/abc").status()).isEqualTo(400);
  }
}
