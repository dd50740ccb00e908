package org.openmiles.it.program;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmiles.it.support.Api;
import org.openmiles.it.support.Api.Res;
import org.openmiles.it.support.ProgramApi;
import org.openmiles.it.support.SharedServer;
import org.openmiles.it.support.SharedServer.OnSharedServer;

/**
 * The redemption rules as program administration changes them (issue 20), on a real Payara Micro
 * and PostgreSQL: an award chart cell, the peak calendar of a route group and the zone of a country
 * proposed by a program manager, approved by another person, and the real price of an award (GET
 * /awards/price, by travel date) taking each from its date and the old one before. The dates are 55
 * to 80 years ahead, chosen at random, so no other test prices a date they change and a kept
 * database gains versions no run reuses; the route group changed is VN_AU (SGN–SYD) and the country
 * India (DEL), which no other test prices.
 */
@OnSharedServer
class RedemptionRulesProgramIT {
  private static final String CELL = "VN_AU:PREMIUM_ECONOMY:OFF_PEAK:ONE_WAY";
  private static final String PEAK_CELL = "VN_AU:PREMIUM_ECONOMY:PEAK:ONE_WAY";

  @SharedServer.Url URL url;
  Api staff;
  Api manager;
  Api approver;

  @BeforeEach
  void clients() {
    staff = new Api(url);
    manager = staff.as("pm-lan", "program-manager");
    approver = staff.as("pa-hoa", "program-approver");
  }

  private static LocalDate farDay() {
    return LocalDate.now().plusDays(ThreadLocalRandom.current().nextInt(20_000, 29_000));
  }

  private static String change(String kind, String key, LocalDate from, String proposal) {
    return """
        {"kind":"%s","key":"%s","effectiveFrom":"%s",
         "reason":"IT: redemption rules","proposal":%s}"""
        .formatted(kind, key, from, proposal);
  }

  private Res propose(String body) {
    Res p = manager.post("program/changes", body);
    assertThat(p.status()).as(p.toString()).isEqualTo(201);
    return p;
  }

  private void approve(Res proposed) {
    Res a = approver.post("program/changes/" + proposed.num("id") + "/approve", "{}");
    assertThat(a.str("state")).as(a.toString()).isEqualTo("APPLIED");
  }

  private JsonObject rule(String kind, String key, LocalDate on) {
    return new ProgramApi(manager, approver).inForce(kind, key, on);
  }

  private long miles(String key, LocalDate on) {
    return Long.parseLong(rule("award-chart", key, on).getJsonObject("fields").getString("miles"));
  }

  /** The real price of a one-way award on {@code day}. */
  private Res price(String from, String to, LocalDate day) {
    return staff.get(
        "awards/price?origin=%s&destination=%s&cabin=PREMIUM_ECONOMY&outbound=%s"
            .formatted(from, to, day));
  }

  /** The pending change simulated on the awards issued from yesterday to tomorrow. */
  private JsonObject simulate(long change) {
    LocalDate today = LocalDate.now();
    Res r =
        approver.post(
            "program/changes/" + change + "/simulation",
            "{\"from\":\"%s\",\"to\":\"%s\"}".formatted(today.minusDays(1), today.plusDays(1)));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r.json().getJsonObject("simulation");
  }

  private static long diff(JsonObject after, JsonObject before, String field) {
    return after.getJsonNumber(field).longValue() - before.getJsonNumber(field).longValue();
  }

  private String season(Res price) {
    assertThat(price.status()).as(price.toString()).isEqualTo(200);
    return price.json().getJsonArray("parts").getJsonObject(0).getString("season");
  }

  @Test
  void aChartCellAPeakCalendarAndAZoneApplyToTheRealPriceFromTheirDates() {
    LocalDate day = farDay();
    LocalDate peak = day.plusDays(10);
    long old = miles(CELL, day.minusDays(1));
    Res before = price("SGN", "SYD", day.minusDays(1));
    assertThat(season(before)).isEqualTo("OFF_PEAK");
    assertThat(before.num("milesPerPassenger")).isEqualTo(old);

    // the chart: a new off-peak price from the date; above the peak price it is flagged
    long peakMiles = miles(PEAK_CELL, day);
    Res flagged =
        manager.post(
            "program/changes/check",
            change("award-chart", CELL, day, "{\"miles\":\"%d\"}".formatted(peakMiles + 1)));
    assertThat(flagged.status()).as(flagged.toString()).isEqualTo(200);
    assertThat(flagged.json().getJsonArray("warnings").getString(0))
        .contains("PEAK is cheaper than OFF_PEAK");
    long now = peakMiles - 100 * ThreadLocalRandom.current().nextInt(10, 90);
    Res chart = propose(change("award-chart", CELL, day, "{\"miles\":\"%d\"}".formatted(now)));
    assertThat(chart.json().getJsonArray("warnings")).isEmpty();

    // simulated on the awards issued around today: two awards of the cell, issued at the old
    // price, add two parts charged as the chart said, before = the old price, after = the new
    JsonObject s0 = simulate(chart.num("id"));
    for (int i = 0; i < 2; i++) {
      String m = staff.enroll("Award");
      assertThat(staff.credit(m, 200_000, "it-rrp:" + Api.unique()).status()).isEqualTo(201);
      Res award =
          staff.post(
              "awards",
              """
              {"member":"%s","flight":{"origin":"SGN","destination":"SYD",\
              "cabin":"PREMIUM_ECONOMY","journey":"ONE_WAY","outbound":"%s"}}"""
                  .formatted(m, day.minusDays(1)),
              "it-rrp-" + Api.unique());
      assertThat(award.status()).as(award.toString()).isEqualTo(201);
      assertThat(award.num("baseMiles")).isEqualTo(old);
    }
    JsonObject s1 = simulate(chart.num("id"));
    assertThat(diff(s1, s0, "records")).isEqualTo(2);
    assertThat(diff(s1, s0, "replayed")).isEqualTo(2);
    assertThat(diff(s1, s0, "members")).isEqualTo(2);
    assertThat(diff(s1, s0, "membersAffected")).isEqualTo(now == old ? 0 : 2);
    assertThat(diff(s1, s0, "milesBefore")).isEqualTo(2 * old);
    assertThat(diff(s1, s0, "milesAfter")).isEqualTo(2 * now);
    assertThat(s1.getJsonNumber("replayed").longValue())
        .as("the replay of the chart in force reproduces every award of the cell")
        .isEqualTo(s1.getJsonNumber("records").longValue());

    approve(chart);
    JsonObject from = rule("award-chart", CELL, day);
    assertThat(from.getString("version")).isEqualTo(CELL + "@" + day);
    assertThat(from.getJsonNumber("change").longValue()).isEqualTo(chart.num("id"));
    assertThat(miles(CELL, day.minusDays(1))).isEqualTo(old);
    assertThat(price("SGN", "SYD", day).num("milesPerPassenger")).isEqualTo(now);
    assertThat(price("SGN", "SYD", day.minusDays(1)).num("milesPerPassenger")).isEqualTo(old);

    // the peak calendar of VN_AU: three days peak from the date, the days around them not
    assertThat(season(price("SGN", "SYD", peak))).isEqualTo("OFF_PEAK");
    Res calendar =
        propose(
            change(
                "peak-period",
                "VN_AU",
                day,
                "{\"periods\":\"%s..%s IT peak\"}".formatted(peak, peak.plusDays(2))));
    approve(calendar);
    assertThat(rule("peak-period", "VN_AU", day).getJsonObject("fields").getString("periods"))
        .isEqualTo(peak + ".." + peak.plusDays(2) + " IT peak");
    Res inPeak = price("SGN", "SYD", peak);
    assertThat(season(inPeak)).isEqualTo("PEAK");
    assertThat(inPeak.num("milesPerPassenger")).isEqualTo(miles(PEAK_CELL, peak));
    assertThat(season(price("SGN", "SYD", peak.plusDays(3)))).isEqualTo("OFF_PEAK");
    assertThat(price("SGN", "SYD", peak.plusDays(3)).num("milesPerPassenger")).isEqualTo(now);
    assertThat(season(price("SGN", "SYD", day.minusDays(1)))).isEqualTo("OFF_PEAK");

    // the zone of India: its airports join Southeast Asia's route group from the date
    Res zoneBefore = approver.get("program/rules/award-zone-country/IN?on=" + day.minusDays(1));
    Res delBefore = price("SGN", "DEL", day.minusDays(1));
    if (zoneBefore.status() == 404) {
      assertThat(delBefore.code()).as(delBefore.toString()).isEqualTo("NO_AWARD_ROUTE");
    }
    approve(propose(change("award-zone-country", "in", day, "{\"zone\":\"SEA\"}")));
    assertThat(rule("award-zone-country", "IN", day).getJsonObject("fields").getString("zone"))
        .isEqualTo("SEA");
    Res del = price("SGN", "DEL", day);
    assertThat(del.status()).as(del.toString()).isEqualTo(200);
    assertThat(del.str("routeGroup")).isEqualTo("VN_SEA");
    Res delAfter = price("SGN", "DEL", day.minusDays(1));
    assertThat(delAfter.status()).as("the day before, as before").isEqualTo(delBefore.status());
    if (delBefore.status() == 200) {
      assertThat(delAfter.str("routeGroup")).isEqualTo(delBefore.str("routeGroup"));
    } else {
      assertThat(delAfter.code()).isEqualTo(delBefore.code());
    }
  }

  @Test
  void redemptionKindsAreCheckedWholeAndNameAKnownRouteGroup() {
    LocalDate far = farDay();
    String check = "program/changes/check";
    Res chart = manager.post(check, change("award-chart", CELL, far, "{\"miles\":0,\"price\":1}"));
    assertThat(chart.status()).as(chart.toString()).isEqualTo(400);
    assertThat(chart.json().getJsonObject("errors").keySet())
        .containsExactlyInAnyOrder("proposal.miles", "proposal.price");
    Res key =
        manager.post(
            check, change("award-chart", "VN_AU:FIRST:PEAK:ONE_WAY", far, "{\"miles\":1000}"));
    assertThat(key.json().getJsonObject("errors").keySet()).contains("key");
    Res unknown =
        manager.post(
            check, change("award-chart", "VN_MARS:ECONOMY:PEAK:ONE_WAY", far, "{\"miles\":1000}"));
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo("UNKNOWN_RULE");
    assertThat(
            manager.post(check, change("peak-period", "VN_MARS", far, "{\"periods\":\"\"}")).code())
        .isEqualTo("UNKNOWN_RULE");
    Res pkg =
        manager.post(
            check,
            change(
                "extension-package",
                "EXT_500_12M",
                far,
                "{\"miles\":0,\"months\":121,\"price\":\"-1\",\"currency\":\"usd\"}"));
    assertThat(pkg.json().getJsonObject("errors").keySet())
        .containsExactlyInAnyOrder(
            "proposal.miles", "proposal.months", "proposal.price", "proposal.currency");
    assertThat(
            manager
                .post(check, change("award-zone-country", "TH", far, "{\"zone\":\"MARS\"}"))
                .json()
                .getJsonObject("errors")
                .getString("proposal.zone"))
        .contains("no award zone MARS");
    assertThat(
            manager
                .post(
                    check,
                    change("peak-period", "ALL", far, "{\"periods\":\"2090-02-01..2090-01-01\"}"))
                .json()
                .getJsonObject("errors")
                .getString("proposal.periods"))
        .contains("the last day is before the first");
  }
}
