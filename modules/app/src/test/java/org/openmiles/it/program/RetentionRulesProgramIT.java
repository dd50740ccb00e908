package org.openmiles.it.program;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmiles.it.support.Api;
import org.openmiles.it.support.Api.Res;
import org.openmiles.it.support.ProgramApi;
import org.openmiles.it.support.SharedServer;
import org.openmiles.it.support.SharedServer.OnSharedServer;

/**
 * Retention's rules as program administration changes them (issue 20), on a real Payara Micro and
 * PostgreSQL: an engagement action type added by a program manager from yesterday, given new points
 * from today by a second approved change, and counted by the real path (the engagement API) by the
 * version in force today; its simulation replays today's actions as recorded; levels keep their
 * order; every broken field is reported at once. The action type's code is new in every run (no
 * other test knows it); the level is changed only at a random date decades ahead, between its
 * neighbours, so no other test and no later run sees a difference.
 */
@OnSharedServer
class RetentionRulesProgramIT {
  private static final ZoneId AIRLINE = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final String ACTION = "engagement-action";
  private static final String LEVEL = "engagement-level";
  private static final String CAMPAIGN = "campaign-rule";

  @SharedServer.Url URL url;
  Api staff;
  Api manager;
  Api approver;
  Api app;

  @BeforeEach
  void clients() {
    staff = new Api(url);
    manager = staff.as("pm-lan", "program-manager");
    approver = staff.as("pa-hoa", "program-approver");
    app = staff.as("it-member-app", "member-app");
  }

  private static String change(String kind, String key, LocalDate from, String proposal) {
    return """
        {"kind":"%s","key":"%s","effectiveFrom":"%s","correction":true,
         "reason":"IT: retention rules","proposal":%s}"""
        .formatted(kind, key, from, proposal);
  }

  private long proposeAndApprove(String body) {
    return new ProgramApi(manager, approver).proposeAndApprove(body);
  }

  private Res rule(String kind, String key, LocalDate on) {
    return new ProgramApi(manager, approver).rule(kind, key, on);
  }

  private JsonObject fields(String kind, String key, LocalDate on) {
    Res r = rule(kind, key, on);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json().getJsonObject("fields");
  }

  private Res act(String member, String code) {
    String id = "it-rule-" + Api.unique();
    return app.post(
        "retention/members/" + member + "/engagement-actions",
        "{\"actionId\":\"%s\",\"type\":\"%s\"}".formatted(id, code),
        "k-" + id);
  }

  @Test
  void anActionTypeIsCountedByTheVersionInForceOnTheDayAndItsReplayMatchesTheRecord() {
    LocalDate today = LocalDate.now(AIRLINE);
    LocalDate yesterday = today.minusDays(1);
    String code =
        "IT_"
            + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36)
                .toUpperCase(Locale.ROOT);
    // a new code from yesterday, new points from today
    proposeAndApprove(
        change(
            ACTION,
            code,
            yesterday,
            "{\"name\":\"IT lounge review\",\"points\":\"5\",\"dailyCap\":\"5\"}"));
    long second =
        proposeAndApprove(
            change(ACTION, code, today, "{\"name\":\"IT lounge review\",\"points\":\"7\"}"));
    assertThat(rule(ACTION, code, yesterday.minusDays(1)).status())
        .as("no action type before its first date")
        .isEqualTo(404);
    assertThat(fields(ACTION, code, yesterday).getString("points")).isEqualTo("5");
    assertThat(fields(ACTION, code, yesterday).getString("dailyCap")).isEqualTo("5");
    JsonObject now = rule(ACTION, code, today).json();
    assertThat(now.getString("version")).isEqualTo(code + "@" + today);
    assertThat(now.getJsonObject("fields").getString("points")).isEqualTo("7");
    assertThat(now.getJsonObject("fields").containsKey("dailyCap")).isFalse();
    assertThat(now.getJsonNumber("change").longValue()).isEqualTo(second);

    // the real path counts today's actions by today's version: 7 each, no daily cap
    String m = staff.enroll("Ruled");
    for (int i = 0; i < 2; i++) {
      Res r = act(m, code);
      assertThat(r.status()).as(r.toString()).isEqualTo(201);
      assertThat(r.json().getJsonObject("action").getString("status")).isEqualTo("AWARDED");
      assertThat(r.json().getJsonObject("action").getInt("points")).isEqualTo(7);
    }
    assertThat(
            app.get("retention/engagement-catalogue").json().getJsonArray("actionTypes").stream()
                .map(JsonObject.class::cast)
                .filter(t -> t.getString("code").equals(code))
                .map(t -> t.getInt("points")))
        .containsExactly(7);

    // a proposal of 3 points, 4 a day, replayed on today: the recorded 14 points before, 3 + 1
    // after
    Res p =
        manager.post(
            "program/changes",
            change(
                ACTION,
                code,
                today.plusDays(ThreadLocalRandom.current().nextInt(20_000, 30_000)),
                "{\"name\":\"IT lounge review\",\"points\":\"3\",\"dailyCap\":\"4\"}"));
    assertThat(p.status()).as(p.toString()).isEqualTo(201);
    JsonObject sim =
        approver
            .post(
                "program/changes/" + p.num("id") + "/simulation",
                "{\"from\":\"%s\",\"to\":\"%s\"}".formatted(today, today))
            .json()
            .getJsonObject("simulation");
    assertThat(sim.getJsonNumber("records").longValue()).isEqualTo(2);
    assertThat(sim.getJsonNumber("replayed").longValue()).isEqualTo(2);
    assertThat(sim.getJsonNumber("members").longValue()).isEqualTo(1);
    assertThat(sim.getJsonNumber("membersAffected").longValue()).isEqualTo(1);
    assertThat(sim.getJsonNumber("milesBefore").longValue()).isEqualTo(14);
    assertThat(sim.getJsonNumber("milesAfter").longValue()).isEqualTo(4);
    assertThat(
            sim.getJsonArray("groups").stream()
                .map(JsonObject.class::cast)
                .map(g -> g.getString("dimension") + ":" + g.getString("value")))
        .containsExactly("month:" + today.toString().substring(0, 7));
    Res withdrawn =
        manager.post("program/changes/" + p.num("id") + "/withdraw", "{\"reason\":\"IT\"}");
    assertThat(withdrawn.str("state")).as(withdrawn.toString()).isEqualTo("WITHDRAWN");
  }

  @Test
  void everyBrokenFieldIsReportedAtOnceAndLevelsKeepTheirOrder() {
    LocalDate far = LocalDate.now().plusDays(ThreadLocalRandom.current().nextInt(20_000, 30_000));
    String check = "program/changes/check";
    Res bad =
        manager.post(
            check,
            change(
                ACTION,
                "APP_CHECK_IN",
                far,
                "{\"name\":\"\",\"points\":\"-1\",\"dailyCap\":\"x\",\"bonusMiles\":\"1000001\","
                    + "\"active\":\"maybe\"}"));
    assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
    assertThat(bad.json().getJsonObject("errors").keySet())
        .containsExactlyInAnyOrder(
            "proposal.name",
            "proposal.points",
            "proposal.dailyCap",
            "proposal.bonusMiles",
            "proposal.active");
    assertThat(
            manager
                .post(check, change(ACTION, "APP-CHECK-IN", far, "{\"name\":\"x\",\"points\":1}"))
                .json()
                .getJsonObject("errors")
                .keySet())
        .contains("key");
    // a level threshold not above the level beneath it, an unknown level
    Res below =
        manager.post(
            check, change(LEVEL, "ADVOCATE", far, "{\"name\":\"Advocate\",\"minPoints\":\"100\"}"));
    assertThat(below.status()).as(below.toString()).isEqualTo(400);
    assertThat(below.json().getJsonObject("errors").getString("proposal.minPoints"))
        .contains("ENGAGED");
    assertThat(
            manager
                .post(check, change(LEVEL, "LEGEND", far, "{\"name\":\"x\",\"minPoints\":\"1\"}"))
                .code())
        .isEqualTo("UNKNOWN_RULE");
    // a campaign's rule: every broken field, and only for a campaign in the catalogue
    Res campaign =
        manager.post(
            check, change(CAMPAIGN, "WIN_BACK", far, "{\"channel\":\"FAX\",\"windowDays\":\"0\"}"));
    assertThat(campaign.json().getJsonObject("errors").keySet())
        .containsExactlyInAnyOrder(
            "proposal.channel", "proposal.windowDays", "proposal.lookbackDays", "proposal.offer");
    assertThat(
            manager
                .post(
                    check,
                    change(
                        CAMPAIGN,
                        "SUMMER_SALE",
                        far,
                        "{\"channel\":\"SMS\",\"lookbackDays\":\"1\",\"offer\":\"x\"}"))
                .code())
        .isEqualTo("UNKNOWN_RULE");

    // a threshold between its neighbours applies from its date
    String before = rule(LEVEL, "ADVOCATE", far.minusDays(1)).json().getString("version");
    long id =
        proposeAndApprove(
            change(LEVEL, "ADVOCATE", far, "{\"name\":\"Advocate\",\"minPoints\":\"301\"}"));
    assertThat(rule(LEVEL, "ADVOCATE", far.minusDays(1)).json().getString("version"))
        .isEqualTo(before);
    JsonObject from = rule(LEVEL, "ADVOCATE", far).json();
    assertThat(from.getString("version")).isEqualTo("ADVOCATE@" + far);
    assertThat(from.getJsonObject("fields").getString("minPoints")).isEqualTo("301");
    assertThat(from.getJsonNumber("change").longValue()).isEqualTo(id);
  }
}
