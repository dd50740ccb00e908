package org.openmiles.it.program;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmiles.it.support.Api;
import org.openmiles.it.support.Api.Res;
import org.openmiles.it.support.Db;
import org.openmiles.it.support.FileDrop;
import org.openmiles.it.support.SharedServer;
import org.openmiles.it.support.SharedServer.OnSharedServer;

/**
 * Program administration (issue 20) on a real Payara Micro and PostgreSQL: a program manager
 * proposes a new version of a partner earn rule, another person with the approver right approves
 * it, and partner records are rated by the version in force on their activity date; every
 * maker-checker refusal. The rule changed is DEMO_CAR's (no other test rates car rentals), at dates
 * no version has yet, so runs on a kept database do not collide.
 */
@OnSharedServer
class ProgramIT {
  private static final String KIND = "partner-earn-rule";
  private static final String KEY = "DEMO_CAR:RENTAL_DAY";

  @SharedServer.Url URL url;
  Api staff;
  Api manager;
  Api otherManager;
  Api approver;

  @BeforeEach
  void clients() {
    staff = new Api(url);
    manager = staff.as("pm-lan", "program-manager");
    otherManager = staff.as("pm-minh", "program-manager");
    approver = staff.as("pa-hoa", "program-approver");
  }

  /**
   * A date no version of DEMO_CAR's rental rule starts on, {@code min} to {@code max} days away.
   */
  private static LocalDate freeDate(int min, int max) {
    for (int i = 0; i < 100; i++) {
      LocalDate d = LocalDate.now().plusDays(ThreadLocalRandom.current().nextInt(min, max));
      long taken =
          Db.count(
              "select (select count(*) from accrual.partner_earn_rule where partner_code ="
                  + " 'DEMO_CAR' and basis = 'RENTAL_DAY' and effective_from = ?::date)"
                  + " + (select count(*) from accrual.partner_activity where partner_code ="
                  + " 'DEMO_CAR' and activity_date = ?::date)",
              d.toString(),
              d.toString());
      if (taken == 0) {
        return d;
      }
    }
    throw new IllegalStateException("no free date for DEMO_CAR");
  }

  private static String proposal(LocalDate from, boolean correction, String version) {
    return """
        {"kind":"%s","key":"%s","effectiveFrom":"%s","correction":%s,
         "reason":"winter car rental campaign","proposedBy":"someone-else","proposal":%s}"""
        .formatted(KIND, KEY, from, correction, version);
  }

  /** Miles for {@code days} rental days under a version's fields (units x miles, capped). */
  private static long miles(JsonObject fields, long days) {
    long per = new java.math.BigDecimal(fields.getString("perQuantity")).longValueExact();
    long earned = days / per * Long.parseLong(fields.getString("miles"));
    return fields.containsKey("maxMilesPerRecord")
        ? Math.min(earned, Long.parseLong(fields.getString("maxMilesPerRecord")))
        : earned;
  }

  @Test
  void aCorrectionIsSimulatedAsTheRealPathCreditsItAndRatesByTheVersionOfEachDate()
      throws Exception {
    LocalDate from = freeDate(-300, -3); // partner records older than 12 months are refused
    JsonObject before =
        approver.get("program/rules/" + KIND + "/" + KEY + "?on=" + from.minusDays(1)).json();
    JsonObject old = before.getJsonObject("fields");
    Path car = FileDrop.partnerFolder("DEMO_CAR");
    String a = staff.enroll("Test");
    String b = staff.enroll("Test");
    // the real path credits two rentals on the day under the version in force
    String u1 = Api.unique();
    Map<String, String> first =
        FileDrop.drop(
            car,
            "rentals-" + u1 + ".csv",
            FileDrop.partnerHeader("DEMO_CAR")
                + rental(u1 + "-1", a, from, 4)
                + rental(u1 + "-2", b, from, 40)
                + "T,2,44\n");
    long oldMiles = miles(old, 4) + miles(old, 40);
    assertThat(first).containsEntry("miles_issued", Long.toString(oldMiles));

    Res proposed =
        manager.post(
            "program/changes",
            proposal(from, true, "{\"miles\":700,\"perQuantity\":1,\"maxMilesPerRecord\":21000}"));
    assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
    long id = proposed.num("id");
    assertThat(proposed.location()).endsWith("/api/v1/program/changes/" + id);
    assertThat(proposed.str("state")).isEqualTo("PROPOSED");
    assertThat(proposed.str("proposedBy"))
        .as("the token's subject, not the body's")
        .isEqualTo("pm-lan");
    assertThat(proposed.json().getJsonObject("replaces").getString("version"))
        .isEqualTo(before.getString("version"));
    // simulated when proposed, on the last 90 days: the replay of the rules in force rates every
    // DEMO_CAR record exactly as the real path credited it
    JsonObject last90 = proposed.json().getJsonObject("simulation");
    assertThat(last90.getJsonNumber("replayed").longValue())
        .isEqualTo(last90.getJsonNumber("records").longValue());
    // on the day: the two rentals, before as credited, after as the proposal rates them
    JsonObject sim =
        approver
            .post(
                "program/changes/" + id + "/simulation",
                "{\"from\":\"%s\",\"to\":\"%s\"}".formatted(from, from))
            .json()
            .getJsonObject("simulation");
    assertThat(sim.getJsonNumber("records").longValue()).isEqualTo(2);
    assertThat(sim.getJsonNumber("replayed").longValue()).isEqualTo(2);
    assertThat(sim.getJsonNumber("members").longValue()).isEqualTo(2);
    assertThat(sim.getJsonNumber("membersAffected").longValue()).isEqualTo(2);
    assertThat(sim.getJsonNumber("milesBefore").longValue()).isEqualTo(oldMiles);
    assertThat(sim.getJsonNumber("milesAfter").longValue()).isEqualTo(2_800 + 21_000);
    assertThat(sim.getString("currency")).isEqualTo("USD");
    // not yet applied: the rule on the date is still the old one
    assertThat(
            approver
                .get("program/rules/" + KIND + "/" + KEY + "?on=" + from)
                .json()
                .getString("version"))
        .isEqualTo(before.getString("version"));
    // in the approvals queue, with its simulation
    assertThat(
            approver.get("program/changes?state=PROPOSED&limit=200").array().stream()
                .map(v -> v.asJsonObject())
                .filter(v -> v.getJsonNumber("id").longValue() == id)
                .map(v -> v.getJsonObject("simulation").getJsonNumber("records").longValue()))
        .containsExactly(2L);

    Res approved = approver.post("program/changes/" + id + "/approve", "{\"reason\":\"ok\"}");
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    assertThat(approved.str("state")).isEqualTo("APPLIED");
    assertThat(approved.str("appliedVersion")).isEqualTo(KEY + "@" + from);
    assertThat(
            approved.json().getJsonArray("history").stream()
                .map(
                    s ->
                        s.asJsonObject().getString("state")
                            + ":"
                            + s.asJsonObject().getString("by")))
        .containsExactly("PROPOSED:pm-lan", "APPROVED:pa-hoa", "APPLIED:pa-hoa");
    JsonObject now = approver.get("program/rules/" + KIND + "/" + KEY + "?on=" + from).json();
    assertThat(now.getString("version")).isEqualTo(KEY + "@" + from);
    assertThat(now.getJsonNumber("change").longValue()).isEqualTo(id);
    assertThat(Db.count("select count(*) from program.change_event where change_id = ?", id))
        .isEqualTo(3);

    // the same rentals sent again (new transactions) after the approval: the real path now credits
    // each member what the simulation said, and a rental the day before still by the old version
    String u2 = Api.unique();
    Map<String, String> second =
        FileDrop.drop(
            car,
            "rentals-" + u2 + ".csv",
            FileDrop.partnerHeader("DEMO_CAR")
                + rental(u2 + "-1", a, from, 4)
                + rental(u2 + "-2", b, from, 40)
                + rental(u2 + "-3", a, from.minusDays(1), 4)
                + "T,3,48\n");
    assertThat(second).containsEntry("accepted", "3");
    List<String> credited =
        Db.strings(
            "select member_number || ':' || sum(miles) from accrual.partner_activity"
                + " where partner_tx_id in (?, ?) group by member_number order by 1",
            u2 + "-1",
            u2 + "-2");
    assertThat(credited).containsExactlyInAnyOrder(a + ":2800", b + ":21000");
    assertThat(
            Db.count(
                "select sum(miles) from accrual.partner_activity where partner_tx_id in (?, ?)",
                u2 + "-1",
                u2 + "-2"))
        .isEqualTo(sim.getJsonNumber("milesAfter").longValue());
    // each record names the version that rated it: the earlier ones keep theirs
    assertThat(
            Db.strings(
                "select partner_tx_id || '@' || earn_rule_from from accrual.partner_activity"
                    + " where partner_tx_id in (?, ?, ?) order by 1",
                u1 + "-1",
                u2 + "-1",
                u2 + "-3"))
        .containsExactly(
            u1 + "-1@" + before.getString("effectiveFrom"),
            u2 + "-1@" + from,
            u2 + "-3@" + before.getString("effectiveFrom"));
    assertThat(staff.balance(a).num("balance")).isEqualTo(miles(old, 4) + 2_800 + miles(old, 4));
    assertThat(staff.balance(b).num("balance")).isEqualTo(miles(old, 40) + 21_000);
  }

  private static String rental(String tx, String member, LocalDate day, int days) {
    return FileDrop.partnerRecord(
        tx, member, "Test", day.toString(), "RENTAL_DAY", days, "", "car");
  }

  @Test
  void makerCheckerRefusesEveryShortcut() {
    LocalDate from = freeDate(20_000, 30_000); // far ahead: rates nothing any test sends
    String version = "{\"miles\":350,\"perQuantity\":1}";
    // an approver cannot propose, a manager cannot approve (the access matrix)
    assertThat(approver.post("program/changes", proposal(from, false, version)).status())
        .isEqualTo(403);
    Res p = manager.post("program/changes", proposal(from, false, version));
    assertThat(p.status()).as(p.toString()).isEqualTo(201);
    long id = p.num("id");
    assertThat(otherManager.post("program/changes/" + id + "/approve", "{}").status())
        .isEqualTo(403);
    // nobody decides their own: a person holding both roles is still refused
    Api both = staff.as("pm-lan", "program-manager", "program-approver");
    Res self = both.post("program/changes/" + id + "/approve", "{}");
    assertThat(self.status()).as(self.toString()).isEqualTo(422);
    assertThat(self.code()).isEqualTo("SELF_APPROVAL_REFUSED");
    assertThat(both.post("program/changes/" + id + "/reject", "{\"reason\":\"no\"}").code())
        .isEqualTo("SELF_APPROVAL_REFUSED");
    // only the proposer withdraws
    Res notMine = otherManager.post("program/changes/" + id + "/withdraw", "{}");
    assertThat(notMine.code()).as(notMine.toString()).isEqualTo("NOT_PROPOSER");
    // a rejection needs a reason
    Res noReason = approver.post("program/changes/" + id + "/reject", "{}");
    assertThat(noReason.status()).as(noReason.toString()).isEqualTo(400);
    assertThat(noReason.json().getJsonObject("errors").keySet()).contains("reason");
    Res rejected = approver.post("program/changes/" + id + "/reject", "{\"reason\":\"too low\"}");
    assertThat(rejected.str("state")).isEqualTo("REJECTED");
    // decided once
    Res again = approver.post("program/changes/" + id + "/approve", "{}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.code()).isEqualTo("CHANGE_NOT_PENDING");
    assertThat(manager.post("program/changes/" + id + "/withdraw", "{}").code())
        .isEqualTo("CHANGE_NOT_PENDING");
    // nothing written by any of it
    assertThat(
            Db.count(
                "select count(*) from accrual.partner_earn_rule where partner_code = 'DEMO_CAR'"
                    + " and effective_from = ?::date",
                from.toString()))
        .isZero();
    assertThat(
            approver.get("program/changes/" + id).json().getJsonArray("history").stream()
                .map(
                    s ->
                        s.asJsonObject().getString("state")
                            + ":"
                            + s.asJsonObject().getString("by")))
        .containsExactly("PROPOSED:pm-lan", "REJECTED:pa-hoa");
  }

  @Test
  void aProposalIsCheckedWholeAndAPastDateNeedsTheCorrectionFlag() {
    // every broken field at once: the request's own and the version's
    Res bad =
        manager.post(
            "program/changes",
            """
            {"kind":"partner-earn-rule","key":"DEMO_CAR:RENTAL_DAY","effectiveFrom":"2099-02-30",
             "proposal":{"miles":0,"perQuantity":"x","currency":"VND","colour":"red"}}""");
    assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
    assertThat(bad.json().getJsonObject("errors").keySet()).contains("effectiveFrom");
    LocalDate from = freeDate(20_000, 30_000);
    Res fields =
        manager.post(
            "program/changes/check",
            """
            {"kind":"partner-earn-rule","key":"DEMO_CAR:RENTAL_DAY","effectiveFrom":"%s",
             "proposal":{"miles":0,"perQuantity":"x","currency":"VND","colour":"red"}}"""
                .formatted(from));
    assertThat(fields.status()).as(fields.toString()).isEqualTo(400);
    assertThat(fields.json().getJsonObject("errors").keySet())
        .containsExactlyInAnyOrder(
            "reason",
            "proposal.miles",
            "proposal.perQuantity",
            "proposal.currency",
            "proposal.colour");
    // an unknown kind and an unknown partner
    Res kind =
        manager.post(
            "program/changes/check",
            "{\"kind\":\"free-lunch\",\"key\":\"X\",\"effectiveFrom\":\"%s\",\"reason\":\"r\",\"proposal\":{\"a\":1}}"
                .formatted(from));
    assertThat(kind.json().getJsonObject("errors").getString("kind")).contains(KIND);
    Res partner =
        manager.post(
            "program/changes/check",
            proposal(from, false, "{\"miles\":1,\"perQuantity\":1}")
                .replace("DEMO_CAR:", "NO_SUCH:"));
    assertThat(partner.status()).isEqualTo(404);
    assertThat(partner.code()).isEqualTo("UNKNOWN_RULE");
    // a valid check writes nothing and names the version it would replace
    long changes = Db.count("select count(*) from program.change_request");
    Res ok =
        manager.post(
            "program/changes/check", proposal(from, false, "{\"miles\":310,\"perQuantity\":1}"));
    assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    assertThat(ok.json().getJsonObject("replaces").getString("version")).startsWith(KEY + "@");
    assertThat(Db.count("select count(*) from program.change_request")).isEqualTo(changes);
    // the past only as a correction
    String past =
        proposal(LocalDate.now().minusDays(10), false, "{\"miles\":310,\"perQuantity\":1}");
    Res late = manager.post("program/changes", past);
    assertThat(late.status()).as(late.toString()).isEqualTo(422);
    assertThat(late.code()).isEqualTo("EFFECTIVE_DATE_PASSED");
    // two approved versions from one date: the second is refused, the first stays
    long first =
        manager
            .post("program/changes", proposal(from, false, "{\"miles\":310,\"perQuantity\":1}"))
            .num("id");
    long second =
        otherManager
            .post("program/changes", proposal(from, false, "{\"miles\":320,\"perQuantity\":1}"))
            .num("id");
    assertThat(approver.post("program/changes/" + first + "/approve", "{}").str("state"))
        .isEqualTo("APPLIED");
    Res clash = approver.post("program/changes/" + second + "/approve", "{}");
    assertThat(clash.status()).as(clash.toString()).isEqualTo(409);
    assertThat(clash.code()).isEqualTo("VERSION_EXISTS");
    assertThat(approver.get("program/changes/" + second).json().getString("state"))
        .as("an approval that fails leaves the request pending")
        .isEqualTo("PROPOSED");
    assertThat(
            approver
                .get("program/rules/" + KIND + "/" + KEY + "?on=" + from)
                .json()
                .getJsonObject("fields")
                .getString("miles"))
        .isEqualTo("310");
    // the audit trail cannot be changed, even by the application's own database user
    assertThat(Db.count("select count(*) from program.change_event where change_id = ?", first))
        .isEqualTo(3);
    // nor emptied, nor dropped with its trigger, table or schema: they are openmiles_audit's
    for (String sql :
        List.of(
            "delete from program.change_event where change_id = " + first,
            "update program.change_event set reason = 'rewritten'",
            "truncate program.change_event",
            "drop trigger change_event_append_only on program.change_event",
            "alter table program.change_event disable trigger all",
            "drop table program.change_event",
            "drop schema program cascade")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> Db.update(sql))
          .as(sql)
          .satisfies(
              e ->
                  assertThat(e.getMessage())
                      .containsAnyOf("append-only", "permission denied", "must be owner"));
    }
  }

  @Test
  void tierThresholdsKeepTheirOrderAndMilePricesChangeFromTheirDate() {
    assertThat(
            approver.get("program/kinds").array().stream()
                .map(k -> k.asJsonObject().getString("name")))
        .containsExactly(
            "award-chart",
            "award-zone-country",
            "campaign-rule",
            "cash-miles-rule",
            "engagement-action",
            "engagement-level",
            "expiry-policy",
            "extension-package",
            "flight-earn-factor",
            "flight-earn-model",
            "flight-minimum-miles",
            "mile-value",
            "partner-earn-rule",
            "partner-mile-price",
            "peak-period",
            "promotion",
            "revenue-earn-rate",
            "tier-threshold");
    // far ahead: no review or settlement any test runs reaches it
    LocalDate from = LocalDate.now().plusDays(ThreadLocalRandom.current().nextInt(20_000, 30_000));
    String gold =
        """
        {"kind":"tier-threshold","key":"GOLD","effectiveFrom":"%s","reason":"2030 program",
         "proposal":%s}""";
    // a Gold that needs fewer miles than Titanium, or more flights than Platinum, is refused
    Res low =
        manager.post(
            "program/changes/check",
            gold.formatted(
                from, "{\"qmThreshold\":10000,\"qfThreshold\":60,\"flightBonusPct\":50}"));
    assertThat(low.status()).as(low.toString()).isEqualTo(400);
    JsonObject errors = low.json().getJsonObject("errors");
    assertThat(errors.getString("proposal.qmThreshold")).contains("above TITANIUM");
    assertThat(errors.getString("proposal.qfThreshold")).contains("below PLATINUM");
    Res base =
        manager.post(
            "program/changes/check",
            gold.replace("GOLD", "MEMBER").formatted(from, "{\"qmThreshold\":1}"));
    assertThat(base.json().getJsonObject("errors").keySet()).containsExactly("key");
    // a version is whole: a Gold without its flights or bonus is refused
    Res partial =
        manager.post("program/changes/check", gold.formatted(from, "{\"qmThreshold\":32000}"));
    assertThat(partial.json().getJsonObject("errors").keySet())
        .containsExactlyInAnyOrder("proposal.qfThreshold", "proposal.flightBonusPct");
    // a valid Gold: more miles, the same flights and bonus as the version in force
    JsonObject now =
        approver
            .get("program/rules/tier-threshold/GOLD?on=" + from.minusDays(1))
            .json()
            .getJsonObject("fields");
    Res p =
        manager.post(
            "program/changes",
            gold.formatted(
                from,
                "{\"qmThreshold\":32000,\"qfThreshold\":%s,\"flightBonusPct\":%s}"
                    .formatted(now.getString("qfThreshold"), now.getString("flightBonusPct"))));
    assertThat(p.status()).as(p.toString()).isEqualTo(201);
    assertThat(approver.post("program/changes/" + p.num("id") + "/approve", "{}").str("state"))
        .isEqualTo("APPLIED");
    JsonObject after = approver.get("program/rules/tier-threshold/GOLD?on=" + from).json();
    assertThat(after.getJsonObject("fields").getString("qmThreshold")).isEqualTo("32000");
    assertThat(after.getJsonObject("fields").getString("qfThreshold"))
        .isEqualTo(now.getString("qfThreshold"));
    assertThat(
            Db.count(
                "select count(*) from tiers.tier_definition where code = 'GOLD'"
                    + " and effective_from = ?::date and tier_rank = 2 and change_id = ?",
                from.toString(),
                p.num("id")))
        .isEqualTo(1);

    // a partner's price per mile issued, from its date
    Res price =
        manager.post(
            "program/changes",
            """
            {"kind":"partner-mile-price","key":"DEMO_BANK","effectiveFrom":"%s",
             "reason":"new contract","proposal":{"pricePerMile":"285.5","currency":"VND"}}"""
                .formatted(from));
    assertThat(price.status()).as(price.toString()).isEqualTo(201);
    assertThat(price.json().getJsonObject("replaces").getJsonObject("fields").getString("currency"))
        .isEqualTo("VND");
    approver.post("program/changes/" + price.num("id") + "/approve", "{}");
    assertThat(
            approver
                .get("program/rules/partner-mile-price/DEMO_BANK?on=" + from)
                .json()
                .getJsonObject("fields")
                .getString("pricePerMile"))
        .isEqualTo("285.500000");
  }

  /**
   * A free date ({@link #freeDate}) whose day before and after no promotion paying every member
   * could cover for DEMO_CAR (other tests' promotions stay on a kept database).
   */
  private static LocalDate promotionFreeDate() {
    for (int i = 0; i < 50; i++) {
      LocalDate d = freeDate(-300, -3);
      long covered =
          Db.count(
              "select count(*) from accrual.promotion where not registration_required"
                  + " and applies_to <> 'FLIGHT' and coalesce(partner_code, 'DEMO_CAR') = 'DEMO_CAR'"
                  + " and effective_from <= ?::date + 1"
                  + " and (effective_to is null or effective_to > ?::date - 1)",
              d.toString(),
              d.toString());
      if (covered == 0) {
        return d;
      }
    }
    throw new IllegalStateException("no date free of promotions for DEMO_CAR");
  }

  /** A promotion change: {@code fields} as JSON, from {@code from} (a correction when past). */
  private Res proposePromotion(String code, LocalDate from, String fields) {
    return manager.post(
        "program/changes",
        """
        {"kind":"promotion","key":"%s","effectiveFrom":"%s","correction":%s,
         "reason":"car rental promotion","proposal":%s}"""
            .formatted(code, from, from.isBefore(LocalDate.now()), fields));
  }

  /** The base miles of {@code days} rental days on {@code day}, by the version then in force. */
  private long rentalMiles(LocalDate day, long days) {
    return miles(
        approver
            .get("program/rules/" + KIND + "/" + KEY + "?on=" + day)
            .json()
            .getJsonObject("fields"),
        days);
  }

  @Test
  void promotionsAreProposedWithTheirOverlapsFlaggedAndPayByTheTermsOfEachDateAndRegistration()
      throws Exception {
    LocalDate day = promotionFreeDate();
    String u = Api.unique().replaceAll("[^A-Za-z0-9]", "").toUpperCase();
    String cars = ("IT_CARS_" + u).substring(0, Math.min(30, 8 + u.length()));
    String loyal = ("IT_REG_" + u).substring(0, Math.min(30, 7 + u.length()));
    // a two-day DEMO_CAR bonus of 250 per rental
    Res first =
        proposePromotion(
            cars,
            day,
            """
            {"name":"IT car bonus","type":"FIXED_BONUS","bonusMiles":"250","appliesTo":"PARTNER",
             "partner":"DEMO_CAR","firstDay":"%s","lastDay":"%s"}"""
                .formatted(day, day.plusDays(1)));
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(first.json().containsKey("replaces"))
        .as("a new promotion replaces nothing")
        .isFalse();
    approver.post("program/changes/" + first.num("id") + "/approve", "{}");
    // its terms change from the second day: 400 per rental
    Res raise =
        proposePromotion(
            cars,
            day.plusDays(1),
            """
            {"name":"IT car bonus","type":"FIXED_BONUS","bonusMiles":"400","appliesTo":"PARTNER",
             "partner":"DEMO_CAR","firstDay":"%s","lastDay":"%s"}"""
                .formatted(day, day.plusDays(1)));
    assertThat(
            raise.json().getJsonObject("replaces").getJsonObject("fields").getString("bonusMiles"))
        .isEqualTo("250");
    approver.post("program/changes/" + raise.num("id") + "/approve", "{}");

    // double miles on anything, open-ended, for registered members only: it meets the car bonus,
    // which the check and the queue say (stacking is allowed, so it is not refused)
    String doubleMiles =
        """
        {"name":"IT double for the registered","type":"MULTIPLIER","multiplier":"2","appliesTo":"ANY",
         "firstDay":"%s","registrationRequired":"true"}"""
            .formatted(day);
    Res checked =
        manager.post(
            "program/changes/check",
            """
            {"kind":"promotion","key":"%s","effectiveFrom":"%s","correction":true,
             "reason":"check","proposal":%s}"""
                .formatted(loyal, day, doubleMiles));
    assertThat(checked.status()).as(checked.toString()).isEqualTo(200);
    assertThat(checked.json().getJsonArray("warnings").getString(0))
        .contains("Overlaps promotion " + cars)
        .contains("from " + day + " to " + day.plusDays(1));
    Res second = proposePromotion(loyal, day, doubleMiles);
    assertThat(second.json().getJsonArray("warnings").getString(0))
        .contains("Overlaps promotion " + cars);
    assertThat(approver.post("program/changes/" + second.num("id") + "/approve", "{}").str("state"))
        .isEqualTo("APPLIED");
    assertThat(
            Db.count(
                "select count(*) from accrual.promotion where code in (?, ?) and change_id in"
                    + " (?, ?, ?)",
                cars,
                loyal,
                first.num("id"),
                raise.num("id"),
                second.num("id")))
        .isEqualTo(3);

    // registration: a registers (and her registration is dated before the day, as if she had
    // registered then), b registers today (after the day), c never does
    String a = staff.enroll("Test");
    String b = staff.enroll("Test");
    String c = staff.enroll("Test");
    Res reg = staff.put("members/" + a + "/promotions/" + loyal, "");
    assertThat(reg.status()).as(reg.toString()).isEqualTo(200);
    assertThat(reg.str("registeredBy")).isEqualTo(Api.STAFF);
    assertThat(staff.put("members/" + a + "/promotions/" + loyal, "").str("registeredOn"))
        .as("registering again changes nothing")
        .isEqualTo(reg.str("registeredOn"));
    assertThat(staff.put("members/" + b + "/promotions/" + loyal, "").status()).isEqualTo(200);
    assertThat(staff.put("members/" + a + "/promotions/" + cars, "").code())
        .isEqualTo("REGISTRATION_NOT_NEEDED");
    assertThat(staff.put("members/" + a + "/promotions/IT_NO_SUCH_PROMO", "").code())
        .isEqualTo("PROMOTION_NOT_FOUND");
    assertThat(staff.get("members/" + a + "/promotions").array()).hasSize(1);
    assertThat(
            staff.get("promotions").array().stream().map(v -> v.asJsonObject().getString("code")))
        .contains(loyal)
        .doesNotContain(cars);
    Db.update(
        "update accrual.promotion_registration set registered_on = ?::date"
            + " where promotion_code = ? and member_number = ?",
        day.toString(),
        loyal,
        a);

    Map<String, String> ack =
        FileDrop.drop(
            FileDrop.partnerFolder("DEMO_CAR"),
            "promo-" + u + ".csv",
            FileDrop.partnerHeader("DEMO_CAR")
                + rental(u + "-1", a, day, 2) // car 250 + double (registered that day)
                + rental(u + "-2", b, day, 2) // car 250 only (registered after the day)
                + rental(u + "-3", c, day.plusDays(1), 2) // car 400 (the second day's terms)
                + rental(u + "-4", c, day.minusDays(1), 2) // nothing: before both windows
                + "T,4,8\n");
    long baseDay = rentalMiles(day, 2);
    long baseNext = rentalMiles(day.plusDays(1), 2);
    assertThat(ack)
        .containsEntry("status", "PROCESSED")
        .containsEntry("bonus_miles", Long.toString(250 + baseDay + 250 + 400));
    assertThat(staff.balance(a).num("balance")).isEqualTo(baseDay + 250 + baseDay);
    assertThat(staff.balance(b).num("balance")).isEqualTo(baseDay + 250);
    assertThat(staff.balance(c).num("balance"))
        .isEqualTo(baseNext + 400 + rentalMiles(day.minusDays(1), 2));

    // simulated on the day: 500 a rental instead of 250 for a and b; triple instead of double
    // for a (b registered after the day); the replay of the versions in force gives what was paid
    LocalDate later = LocalDate.now().plusDays(10);
    Res fiveHundred =
        proposePromotion(
            cars,
            later,
            """
            {"name":"IT car bonus","type":"FIXED_BONUS","bonusMiles":"500","appliesTo":"PARTNER",
             "partner":"DEMO_CAR","firstDay":"%s","lastDay":"%s"}"""
                .formatted(day, day.plusDays(1)));
    assertThat(fiveHundred.json().getJsonArray("warnings").getString(0))
        .as("terms from a date after the window pay nothing")
        .contains("it pays nothing");
    JsonObject car = simulate(fiveHundred.num("id"), day);
    assertThat(car.getJsonNumber("records").longValue()).isEqualTo(2);
    assertThat(car.getJsonNumber("replayed").longValue()).isEqualTo(2);
    assertThat(car.getJsonNumber("membersAffected").longValue()).isEqualTo(2);
    assertThat(car.getJsonNumber("milesBefore").longValue()).isEqualTo(500);
    assertThat(car.getJsonNumber("milesAfter").longValue()).isEqualTo(1_000);
    assertThat(car.getString("currency"))
        .as("priced at DEMO_CAR's price per mile")
        .isEqualTo("USD");
    Res triple =
        proposePromotion(
            loyal, later, doubleMiles.replace("\"multiplier\":\"2\"", "\"multiplier\":\"3\""));
    JsonObject registered = simulate(triple.num("id"), day);
    assertThat(registered.getJsonNumber("records").longValue()).isEqualTo(1);
    assertThat(registered.getJsonNumber("replayed").longValue()).isEqualTo(1);
    assertThat(registered.getJsonNumber("milesBefore").longValue()).isEqualTo(baseDay);
    assertThat(registered.getJsonNumber("milesAfter").longValue()).isEqualTo(2 * baseDay);
    for (Res r : List.of(fiveHundred, triple)) {
      assertThat(manager.post("program/changes/" + r.num("id") + "/withdraw", "{}").str("state"))
          .isEqualTo("WITHDRAWN");
    }
  }

  /** Change {@code id} simulated on the one day {@code day}. */
  private JsonObject simulate(long id, LocalDate day) {
    Res r =
        approver.post(
            "program/changes/" + id + "/simulation",
            "{\"from\":\"%s\",\"to\":\"%s\"}".formatted(day, day));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json().getJsonObject("simulation");
  }

  @Test
  void
      aWhatIfRatesAPlannedTripAsCreditingWouldWithPromotionsTierOutlookAndSplitsAndWritesNothing() {
    LocalDate day = LocalDate.now().plusDays(ThreadLocalRandom.current().nextInt(200, 20_000));
    String u = Api.unique().replaceAll("[^A-Za-z0-9]", "").toUpperCase();
    String code = ("IT_WHATIF_" + u).substring(0, Math.min(30, 10 + u.length()));
    // a business-class bonus on HAN-SGN on the day, through program administration
    Res p =
        proposePromotion(
            code,
            day,
            """
            {"name":"IT what-if bonus","type":"FIXED_BONUS","bonusMiles":"1000","appliesTo":"FLIGHT",
             "carrier":"VN","origin":"HAN","destination":"SGN","bothDirections":"false",
             "bookingClasses":"J","firstDay":"%s","lastDay":"%s"}"""
                .formatted(day, day));
    assertThat(approver.post("program/changes/" + p.num("id") + "/approve", "{}").str("state"))
        .isEqualTo("APPLIED");
    String m = staff.enroll("Test");
    Api booking = staff.as("it-booking-site", "booking-engine");
    String trip =
        """
        {"segments":[
          {"carrier":"VN","origin":"HAN","destination":"SGN","date":"%s","bookingClass":"J"},
          {"carrier":"VN","origin":"SGN","destination":"HAN","date":"%s","bookingClass":"J"},
          {"carrier":"VN","origin":"HAN","destination":"SGN","date":"%s","bookingClass":"Y"}],
         "fare":{"baseFare":300.00,"taxesAndFees":50.00,"currency":"USD","passengers":1}}"""
            .formatted(day, day.plusDays(1), day);
    Res w = booking.post("members/" + m + "/what-if", trip);
    assertThat(w.status()).as(w.toString()).isEqualTo(200);
    JsonObject earning = w.json().getJsonObject("earning");
    jakarta.json.JsonArray segs = earning.getJsonArray("segments");
    long j = baseMiles("J", "HAN", "SGN", day);
    long y = baseMiles("Y", "HAN", "SGN", day);
    assertThat(segs.getJsonObject(0).getJsonNumber("baseMiles").longValue()).isEqualTo(j);
    assertThat(segs.getJsonObject(0).getJsonNumber("promotionMiles").longValue()).isEqualTo(1000);
    assertThat(segs.getJsonObject(0).getJsonArray("promotions").getString(0)).isEqualTo(code);
    assertThat(segs.getJsonObject(1).getJsonNumber("promotionMiles").longValue())
        .as("one way only")
        .isZero();
    assertThat(segs.getJsonObject(2).getJsonNumber("promotionMiles").longValue())
        .as("not in class J")
        .isZero();
    assertThat(segs.getJsonObject(2).getJsonNumber("baseMiles").longValue()).isEqualTo(y);
    long qualifying = earning.getJsonNumber("qualifyingMiles").longValue();
    assertThat(earning.getJsonNumber("miles").longValue())
        .as("a base member: no tier bonus")
        .isEqualTo(qualifying + 1000);
    // the tier outlook against the member's status now
    JsonObject status = staff.get("members/" + m + "/tier").json();
    JsonObject tier = w.json().getJsonObject("tier");
    assertThat(tier.getString("tier")).isEqualTo(status.getString("tier"));
    boolean inPeriod = !day.plusDays(1).isAfter(LocalDate.parse(status.getString("periodTo")));
    long counted = inPeriod ? qualifying : 0;
    assertThat(tier.getJsonNumber("tripQualifyingMiles").longValue()).isEqualTo(counted);
    long needed = status.getJsonObject("next").getJsonNumber("milesNeeded").longValue();
    assertThat(tier.getJsonNumber("milesStillNeeded").longValue())
        .isEqualTo(Math.max(0, needed - counted));
    // Cash & Miles: a range for the fare, none of it affordable yet, and no quote kept
    JsonObject splits = w.json().getJsonObject("cashAndMiles");
    assertThat(splits.getString("currency")).isEqualTo("USD");
    assertThat(splits.getJsonNumber("availableMiles").longValue()).isZero();
    assertThat(splits.getJsonNumber("maximumMiles").longValue()).isPositive();
    assertThat(Db.count("select count(*) from cashmiles.quote where member_number = ?", m))
        .isZero();
    assertThat(staff.balance(m).num("balance")).isZero();
    // every broken field at once; an agent may ask too, a program manager may not
    Res bad =
        staff.post(
            "members/" + m + "/what-if",
            """
            {"segments":[{"carrier":"VN","origin":"HAN","destination":"HAN","bookingClass":"JJ"}],
             "fare":{"baseFare":-1,"taxesAndFees":0,"currency":"XXX1"}}""");
    assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
    assertThat(bad.json().toString()).contains("fare.currency").contains("fare.baseFare");
    Res badSegments =
        staff.post(
            "members/" + m + "/what-if",
            """
            {"segments":[{"carrier":"VN","origin":"HAN","destination":"HAN","bookingClass":"JJ"}]}""");
    assertThat(badSegments.json().toString())
        .contains("segments[0].destination")
        .contains("segments[0].bookingClass")
        .contains("segments[0].date");
    assertThat(manager.post("members/" + m + "/what-if", trip).status()).isEqualTo(403);
  }

  /** The base miles of a VN segment by the distance model on {@code day}. */
  private long baseMiles(String cls, String from, String to, LocalDate day) {
    Res q =
        staff.get(
            "reference/flight-miles?class=" + cls + "&from=" + from + "&to=" + to + "&date=" + day);
    assertThat(q.status()).as(q.toString()).isEqualTo(200);
    return q.num("baseMiles");
  }
}
