package org.openmiles.it.program;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmiles.it.support.Api;
import org.openmiles.it.support.Api.Res;
import org.openmiles.it.support.Db;
import org.openmiles.it.support.FileDrop;
import org.openmiles.it.support.ProgramApi;
import org.openmiles.it.support.SharedServer;
import org.openmiles.it.support.SharedServer.OnSharedServer;

/**
 * The flight earn rules as program administration changes them (issue 20), on a real Payara Micro
 * and PostgreSQL: a booking class's factor proposed by a program manager, approved by another
 * person, and flown coupons rated by the factor in force on their flight date; the simulation's
 * totals against what the real path credits; a file sent again after the change (not rated again)
 * and missing-miles claims after it (each flight by its day's factor). The rule changed is VN's
 * class Q on international flights (no other test flies Q), for one day only: a second approved
 * version from the next day puts back what was in force, so no other test sees it, and a kept
 * database gains one-day versions at random dates no run reuses.
 */
@OnSharedServer
class FlightRulesProgramIT {
  private static final String KIND = "flight-earn-factor";
  private static final String KEY = "VN:Q:INTERNATIONAL";

  @SharedServer.Url URL url;
  Api staff;
  Api manager;
  Api approver;
  Path flown;

  @BeforeEach
  void clients() {
    staff = new Api(url);
    manager = staff.as("pm-lan", "program-manager");
    approver = staff.as("pa-hoa", "program-approver");
    flown = FileDrop.filesRoot().resolve("airline").resolve("flown");
  }

  /**
   * A past day (flown coupons up to 12 months old are taken) such that no version of VN's class Q
   * factors starts on it, the day before or the day after, and no VN class Q coupon flew on it or
   * the day before.
   */
  private static LocalDate freeDay() {
    for (int i = 0; i < 100; i++) {
      LocalDate d = LocalDate.now().minusDays(ThreadLocalRandom.current().nextInt(10, 200));
      long taken =
          Db.count(
              "select (select count(*) from accrual.flight_earn_factor where carrier_code = 'VN'"
                  + " and booking_class = 'Q' and effective_from between ?::date - 1 and ?::date + 1)"
                  + " + (select count(*) from accrual.flown_coupon where marketing_carrier = 'VN'"
                  + " and booking_class = 'Q' and flight_date between ?::date - 1 and ?::date)",
              d.toString(),
              d.toString(),
              d.toString(),
              d.toString());
      if (taken == 0) {
        return d;
      }
    }
    throw new IllegalStateException("no free day for VN class Q");
  }

  private JsonObject rule(String kind, String key, LocalDate on) {
    return new ProgramApi(manager, approver).inForce(kind, key, on);
  }

  private static String change(String kind, String key, LocalDate from, String proposal) {
    return """
        {"kind":"%s","key":"%s","effectiveFrom":"%s","correction":true,
         "reason":"IT: class Q earns more for a day","proposal":%s}"""
        .formatted(kind, key, from, proposal);
  }

  private long proposeAndApprove(String body) {
    return new ProgramApi(manager, approver).proposeAndApprove(body);
  }

  private String coupon(String ticket, String member, LocalDate day) {
    return FileDrop.flownCoupon(
        ticket, 1, 'F', member, "Nguyen", "300", day.toString(), "SGN-NRT", "Q", "400.00");
  }

  private static long baseMiles(String... tickets) {
    return Db.count(
        "select coalesce(sum(base_miles), 0) from accrual.flown_coupon"
            + " where ticket_number = any(string_to_array(?, ','))",
        String.join(",", tickets));
  }

  /** Base miles as FlightEarning rates them: distance x factor half up, at least the minimum. */
  private static long rated(long distance, String factor, long minimum) {
    return Math.max(
        minimum,
        new BigDecimal(factor)
            .multiply(BigDecimal.valueOf(distance))
            .setScale(0, RoundingMode.HALF_UP)
            .longValueExact());
  }

  @Test
  void aFactorAppliesFromItsDateAndItsSimulationIsWhatTheRealPathCredits() throws Exception {
    LocalDate day = freeDay();
    JsonObject before = rule(KIND, KEY, day.minusDays(1));
    JsonObject next = rule(KIND, KEY, day.plusDays(1)).getJsonObject("fields");
    String oldFactor = before.getJsonObject("fields").getString("earnFactor");
    long minimum =
        Long.parseLong(
            rule("flight-minimum-miles", "VN:INTERNATIONAL", day)
                .getJsonObject("fields")
                .getString("minimumMiles"));
    String a = staff.enroll("Nguyen");
    String b = staff.enroll("Nguyen");
    // credited by the real path under the factor in force on the day
    String t1 = FileDrop.ticket();
    String t2 = FileDrop.ticket();
    assertThat(
            FileDrop.drop(
                flown,
                "flown-" + Api.unique() + ".csv",
                FileDrop.flownFile(coupon(t1, a, day), coupon(t2, b, day))))
        .containsEntry("accepted", "2");
    long distance =
        Db.count("select distance_miles from accrual.flown_coupon where ticket_number = ?", t1);
    long old = rated(distance, oldFactor, minimum);
    assertThat(baseMiles(t1, t2)).isEqualTo(2 * old);
    // a coupon without a member number flown on the day, rated as it arrives: claimed later
    String t9 = FileDrop.ticket();
    assertThat(
            FileDrop.drop(
                flown,
                "unclaimed-" + Api.unique() + ".csv",
                FileDrop.flownFile(coupon(t9, "", day))))
        .containsEntry("parked", "1");

    Res proposed =
        manager.post(
            "program/changes",
            change(
                KIND,
                KEY,
                day,
                "{\"earnFactor\":\"1.40\",\"segmentFactor\":\"%s\"}"
                    .formatted(before.getJsonObject("fields").getString("segmentFactor"))));
    assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
    long id = proposed.num("id");
    // on the last 90 days, the replay of the rules in force rates every class Q coupon as credited
    JsonObject last90 = proposed.json().getJsonObject("simulation");
    assertThat(last90.getJsonNumber("replayed").longValue())
        .isEqualTo(last90.getJsonNumber("records").longValue());
    // on the day: the two coupons, before as credited, after by the proposed factor
    JsonObject sim =
        approver
            .post(
                "program/changes/" + id + "/simulation",
                "{\"from\":\"%s\",\"to\":\"%s\"}".formatted(day, day))
            .json()
            .getJsonObject("simulation");
    long now = rated(distance, "1.40", minimum);
    assertThat(sim.getJsonNumber("records").longValue()).isEqualTo(2);
    assertThat(sim.getJsonNumber("replayed").longValue()).isEqualTo(2);
    assertThat(sim.getJsonNumber("members").longValue()).isEqualTo(2);
    assertThat(sim.getJsonNumber("membersAffected").longValue()).isEqualTo(now == old ? 0 : 2);
    assertThat(sim.getJsonNumber("milesBefore").longValue()).isEqualTo(baseMiles(t1, t2));
    assertThat(sim.getJsonNumber("milesAfter").longValue()).isEqualTo(2 * now);
    assertThat(
            sim.getJsonArray("groups").stream()
                .map(JsonObject.class::cast)
                .map(
                    g ->
                        g.getString("dimension")
                            + ":"
                            + g.getString("value")
                            + ":"
                            + g.getJsonNumber("records")))
        .contains(
            "bookingClass:Q:2",
            "month:" + day.toString().substring(0, 7) + ":2",
            "tier:MEMBER:2",
            "route:SGN-NRT:2");

    Res approved = approver.post("program/changes/" + id + "/approve", "{}");
    assertThat(approved.str("state")).as(approved.toString()).isEqualTo("APPLIED");
    assertThat(approved.str("appliedVersion")).isEqualTo(KEY + "@" + day);
    assertThat(rule(KIND, KEY, day.minusDays(1)).getString("version"))
        .isEqualTo(before.getString("version"));
    JsonObject from = rule(KIND, KEY, day);
    assertThat(from.getString("version")).isEqualTo(KEY + "@" + day);
    assertThat(from.getJsonObject("fields").getString("earnFactor")).isEqualTo("1.40");
    assertThat(from.getJsonNumber("change").longValue()).isEqualTo(id);
    // the next day gets back what was in force, so that no other test sees the change
    proposeAndApprove(change(KIND, KEY, day.plusDays(1), next.toString()));

    // coupons flown on both sides of the date, processed after the approval: each by its day's
    // factor, and those of the day credited exactly what the simulation said
    String t3 = FileDrop.ticket();
    String t4 = FileDrop.ticket();
    String t5 = FileDrop.ticket();
    String t6 = FileDrop.ticket();
    assertThat(
            FileDrop.drop(
                flown,
                "flown-" + Api.unique() + ".csv",
                FileDrop.flownFile(
                    coupon(t3, a, day),
                    coupon(t4, b, day),
                    coupon(t5, a, day.minusDays(1)),
                    coupon(t6, b, day.plusDays(1)))))
        .containsEntry("accepted", "4");
    assertThat(baseMiles(t3, t4)).isEqualTo(sim.getJsonNumber("milesAfter").longValue());
    assertThat(baseMiles(t3)).isEqualTo(now);
    assertThat(baseMiles(t5)).as("the day before: the old factor").isEqualTo(old);
    assertThat(baseMiles(t6))
        .as("the day after: the factor put back")
        .isEqualTo(rated(distance, next.getString("earnFactor"), minimum));

    // the file of the day sent again after the change: its coupons are not rated again
    assertThat(
            FileDrop.drop(
                flown,
                "flown-again-" + Api.unique() + ".csv",
                FileDrop.flownFile(coupon(t2, b, day), coupon(t1, a, day))))
        .containsEntry("duplicates", "2")
        .containsEntry("miles_issued", "0");
    assertThat(baseMiles(t1, t2)).as("as credited before the change").isEqualTo(2 * old);

    // coupons without a member number arriving after the change, claimed: the flight before the
    // date by the old factor, the day's by the correction (a base member: no tier bonus); the
    // coupon rated when it arrived before the change keeps that rating (a rating done keeps its
    // version)
    String t7 = FileDrop.ticket();
    String t8 = FileDrop.ticket();
    assertThat(
            FileDrop.drop(
                flown,
                "unclaimed-" + Api.unique() + ".csv",
                FileDrop.flownFile(coupon(t7, "", day.minusDays(1)), coupon(t8, "", day))))
        .containsEntry("parked", "2");
    String c = staff.enroll("Nguyen");
    Res before7 = staff.post("members/" + c + "/claims", claim(t7, day.minusDays(1)));
    assertThat(before7.status()).as(before7.toString()).isEqualTo(201);
    assertThat(before7.str("status")).isEqualTo("CREDITED");
    assertThat(before7.num("milesCredited")).isEqualTo(old);
    Res on8 = staff.post("members/" + c + "/claims", claim(t8, day));
    assertThat(on8.str("status")).as(on8.toString()).isEqualTo("CREDITED");
    assertThat(on8.num("milesCredited")).isEqualTo(now);
    assertThat(baseMiles(t7)).isEqualTo(old);
    assertThat(baseMiles(t8)).isEqualTo(now);
    Res on9 = staff.post("members/" + c + "/claims", claim(t9, day));
    assertThat(on9.str("status")).as(on9.toString()).isEqualTo("CREDITED");
    assertThat(on9.num("milesCredited"))
        .as("rated when it arrived, before the change")
        .isEqualTo(old);
  }

  private static String claim(String ticket, LocalDate day) {
    return org.openmiles.it.support.Claims.body(ticket, 1, "300", day.toString(), "SGN-NRT", "Q");
  }

  @Test
  void flightKindsAreCheckedWholeAndNameAKnownCarrier() {
    LocalDate far = LocalDate.now().plusDays(ThreadLocalRandom.current().nextInt(20_000, 30_000));
    String check = "program/changes/check";
    // every broken field at once
    Res bad =
        manager.post(check, change(KIND, KEY, far, "{\"earnFactor\":6,\"segmentFactor\":-1}"));
    assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
    assertThat(bad.json().getJsonObject("errors").keySet())
        .containsExactlyInAnyOrder("proposal.earnFactor", "proposal.segmentFactor");
    // a key that does not parse, a carrier with no flight rules at all
    Res key =
        manager.post(check, change(KIND, "VN:Y", far, "{\"earnFactor\":1,\"segmentFactor\":1}"));
    assertThat(key.json().getJsonObject("errors").keySet()).contains("key");
    Res unknown =
        manager.post(
            check, change(KIND, "Z8:Y:DOMESTIC", far, "{\"earnFactor\":1,\"segmentFactor\":1}"));
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo("UNKNOWN_RULE");
    // a new class of a known carrier may start earning
    Res newClass =
        manager.post(
            check, change(KIND, "VN:X:DOMESTIC", far, "{\"earnFactor\":0.1,\"segmentFactor\":0}"));
    assertThat(newClass.status()).as(newClass.toString()).isEqualTo(200);
    // the other kinds' bounds
    assertThat(
            manager
                .post(
                    check,
                    change("flight-minimum-miles", "VN:DOMESTIC", far, "{\"minimumMiles\":10001}"))
                .json()
                .getJsonObject("errors")
                .keySet())
        .containsExactly("proposal.minimumMiles");
    assertThat(
            manager
                .post(
                    check,
                    change("revenue-earn-rate", "VN:SILVER:USD", far, "{\"milesPerUnit\":5}"))
                .json()
                .getJsonObject("errors")
                .keySet())
        .containsExactly("key");
    // a carrier with rules but no MEMBER revenue rate cannot move to the revenue model
    Db.update(
        "insert into accrual.flight_earn_minimum (carrier_code, region, effective_from,"
            + " minimum_miles) values ('Z9', 'DOMESTIC', date '2000-01-01', 0) on conflict do nothing");
    Res revenue =
        manager.post(check, change("flight-earn-model", "Z9", far, "{\"model\":\"REVENUE\"}"));
    assertThat(revenue.status()).as(revenue.toString()).isEqualTo(400);
    assertThat(revenue.json().getJsonObject("errors").getString("proposal.model"))
        .contains("MEMBER");
    assertThat(
            manager
                .post(check, change("flight-earn-model", "VN", far, "{\"model\":\"REVENUE\"}"))
                .status())
        .as("VN has a MEMBER rate")
        .isEqualTo(200);
  }
}
