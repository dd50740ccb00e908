package org.openmiles.it.program;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmiles.it.support.Api;
import org.openmiles.it.support.Api.Res;
import org.openmiles.it.support.Db;
import org.openmiles.it.support.ProgramApi;
import org.openmiles.it.support.SharedServer;
import org.openmiles.it.support.SharedServer.OnSharedServer;
import org.openmiles.it.support.Tokens;

/**
 * The Cash &amp; Miles rules and the miles expiry policy as program administration changes them
 * (issue 20), on a real Payara Micro and PostgreSQL. The mile value is proposed for a currency no
 * test has used (a fresh one every run on a kept database), from today in the airline's zone, the
 * date the quote path reads the rules by (flagged as a correction, which today also passes): a
 * quote in that currency is refused before the approval and priced by the new value after it; a
 * payment on it is then replayed by a later proposal's simulation. The program-wide kinds ({@code
 * cash-miles-rule}, {@code expiry-policy}) get a version at a random date far in the future with
 * the values in force the day before, so that no other test, whatever its dates, sees a change.
 */
@OnSharedServer
class CashMilesProgramIT {
  /** ISO 4217 currencies with 2 decimals that no other test pays in. */
  private static final List<String> CURRENCIES =
      List.of(
          "CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "NZD", "SGD", "HKD", "AUD", "CAD", "GBP", "ZAR",
          "MXN", "BRL", "ILS", "MYR", "PHP", "THB", "INR", "AED", "SAR", "QAR", "TRY", "RON", "BGN",
          "HUF", "UAH", "EGP", "MAD", "PEN", "COP", "ARS", "TWD", "CNY", "PKR", "BDT", "LKR", "NPR",
          "KZT");

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

  private static String freshCurrency() {
    for (String c : CURRENCIES) {
      if (Db.count("select count(*) from cashmiles.mile_value where currency = ?", c) == 0) {
        return c;
      }
    }
    throw new IllegalStateException("every test currency has a mile value: use a fresh database");
  }

  private static String change(String kind, String key, LocalDate from, String proposal) {
    return """
        {"kind":"%s","key":"%s","effectiveFrom":"%s","correction":true,
         "reason":"IT: Cash & Miles and expiry rules","proposal":%s}"""
        .formatted(kind, key, from, proposal);
  }

  private Res rule(String kind, String key, LocalDate on) {
    return new ProgramApi(manager, approver).rule(kind, key, on);
  }

  private long proposeAndApprove(String body) {
    return new ProgramApi(manager, approver).proposeAndApprove(body);
  }

  private static String fare(String member, String currency) {
    return """
        {"member":"%s","baseFare":{"amount":"250.00","currency":"%s"},\
        "taxesAndFees":{"amount":"45.50","currency":"%s"},"passengers":1,"segments":1}"""
        .formatted(member, currency, currency);
  }

  /** A random date about 55 to 80 years ahead with no version of the kind near it. */
  private static LocalDate farDay(String table) {
    for (int i = 0; i < 100; i++) {
      LocalDate d = LocalDate.now().plusDays(ThreadLocalRandom.current().nextInt(20_000, 29_000));
      if (Db.count(
              "select count(*) from "
                  + table
                  + " where effective_from between ?::date - 1 and ?::date + 1",
              d.toString(),
              d.toString())
          == 0) {
        return d;
      }
    }
    throw new IllegalStateException("no free far day in " + table);
  }

  @Test
  void versionsApplyFromTheirDateAndTheQuotePathPricesByTheNewMileValue() {
    // the mile value: a currency without one cannot be paid with miles until its first version
    String currency = freshCurrency();
    LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
    String member = staff.enroll("Cash");
    assertThat(staff.credit(member, 50_000, "cmp-it-" + Api.unique()).status()).isEqualTo(201);
    Api engine = staff.withToken(Tokens.mint("engine-pm-" + Api.unique(), "booking-engine"));
    Res refused = engine.post("cash-and-miles/quotes", fare(member, currency));
    assertThat(refused.code()).as(refused.toString()).isEqualTo("CURRENCY_NOT_SUPPORTED");

    long id =
        proposeAndApprove(change("mile-value", currency, today, "{\"valuePerMile\":\"0.0125\"}"));
    assertThat(rule("mile-value", currency, today.minusDays(1)).status()).isEqualTo(404);
    Res now = rule("mile-value", currency, today);
    assertThat(now.status()).as(now.toString()).isEqualTo(200);
    assertThat(now.str("version")).isEqualTo(currency + "@" + today);
    assertThat(now.json().getJsonObject("fields").getString("valuePerMile")).isEqualTo("0.012500");
    assertThat(now.json().getJsonNumber("change").longValue()).isEqualTo(id);

    // the real path: a quote now uses the new value, and a payment on it is captured
    Res quote = engine.post("cash-and-miles/quotes", fare(member, currency));
    assertThat(quote.status()).as(quote.toString()).isEqualTo(201);
    assertThat(quote.str("valuePerMile")).isEqualTo("0.0125");
    long miles = quote.json().getJsonObject("miles").getJsonNumber("minimum").longValue();
    Res auth =
        engine.post(
            "cash-and-miles/payments",
            """
            {"quoteToken":"%s","miles":%d,"bookingReference":"PNRPM%d"}"""
                .formatted(quote.str("quoteToken"), miles, miles),
            "auth-" + Api.unique());
    assertThat(auth.status()).as(auth.toString()).isEqualTo(201);
    Res cap =
        engine.post(
            "cash-and-miles/payments/" + auth.num("paymentId") + "/capture",
            "{\"ticketNumbers\":[\"7381234567891\"]}",
            "cap-" + Api.unique());
    assertThat(cap.str("status")).as(cap.toString()).isEqualTo("CAPTURED");

    // a later value, simulated on today's payments: the replay of the value in force reproduces
    // the recorded split, and prices the captured miles before and after
    Res later =
        manager.post(
            "program/changes",
            change("mile-value", currency, today.plusDays(1), "{\"valuePerMile\":\"0.01\"}"));
    assertThat(later.status()).as(later.toString()).isEqualTo(201);
    assertThat(later.json().getJsonArray("warnings").getString(0)).contains("% less");
    JsonObject sim =
        approver
            .post(
                "program/changes/" + later.num("id") + "/simulation",
                "{\"from\":\"%s\",\"to\":\"%s\"}".formatted(today, today))
            .json()
            .getJsonObject("simulation");
    assertThat(sim.getJsonNumber("records").longValue()).isEqualTo(1);
    assertThat(sim.getJsonNumber("replayed").longValue()).isEqualTo(1);
    assertThat(sim.getJsonNumber("members").longValue()).isEqualTo(1);
    assertThat(sim.getJsonNumber("membersAffected").longValue()).isEqualTo(1);
    assertThat(sim.getJsonNumber("milesBefore").longValue()).isEqualTo(miles);
    assertThat(sim.getJsonNumber("milesAfter").longValue()).isEqualTo(miles);
    assertThat(sim.getString("currency")).isEqualTo(currency);
    assertThat(sim.getJsonNumber("costBefore").bigDecimalValue())
        .isEqualByComparingTo(
            new BigDecimal("0.0125")
                .multiply(BigDecimal.valueOf(miles))
                .setScale(2, RoundingMode.DOWN));
    assertThat(sim.getJsonNumber("costAfter").bigDecimalValue())
        .isEqualByComparingTo(
            new BigDecimal("0.01")
                .multiply(BigDecimal.valueOf(miles))
                .setScale(2, RoundingMode.DOWN));
    assertThat(manager.post("program/changes/" + later.num("id") + "/withdraw", "{}").status())
        .isEqualTo(200);

    // the program-wide kinds: a version far ahead with the values in force the day before
    for (String[] k :
        new String[][] {
          {"cash-miles-rule", "cashmiles.cash_miles_rule"},
          {"expiry-policy", "accounts.expiry_policy"}
        }) {
      LocalDate far = farDay(k[1]);
      Res before = rule(k[0], "PROGRAM", far.minusDays(1));
      assertThat(before.status()).as(before.toString()).isEqualTo(200);
      JsonObject fields = before.json().getJsonObject("fields");
      long change = proposeAndApprove(change(k[0], "program", far, fields.toString()));
      assertThat(rule(k[0], "PROGRAM", far.minusDays(1)).str("version"))
          .isEqualTo(before.str("version"));
      Res from = rule(k[0], "PROGRAM", far);
      assertThat(from.str("version")).isEqualTo("PROGRAM@" + far);
      assertThat(from.json().getJsonObject("fields")).isEqualTo(fields);
      assertThat(from.json().getJsonNumber("change").longValue()).isEqualTo(change);
    }
  }

  @Test
  void everyBrokenFieldIsReportedAtOnceAndAShorterExpiryIsFlagged() {
    LocalDate far = farDay("accounts.expiry_policy");
    String check = "program/changes/check";
    Res value = manager.post(check, change("mile-value", "ZZZ", far, "{\"valuePerMile\":0}"));
    assertThat(value.status()).as(value.toString()).isEqualTo(400);
    assertThat(value.json().getJsonObject("errors").keySet()).contains("key");
    Res rule =
        manager.post(
            check,
            change(
                "cash-miles-rule",
                "PROGRAM",
                far,
                """
                {"minMilesPerSegment":2500,"milesStep":700,"maxFareSharePct":"100.5",
                 "quoteTtlSeconds":10,"holdTtlSeconds":100000,"voluntaryRefundRedeposit":"maybe"}"""));
    assertThat(rule.status()).as(rule.toString()).isEqualTo(400);
    assertThat(rule.json().getJsonObject("errors").keySet())
        .containsExactlyInAnyOrder(
            "proposal.milesStep",
            "proposal.maxFareSharePct",
            "proposal.quoteTtlSeconds",
            "proposal.holdTtlSeconds",
            "proposal.voluntaryRefundRedeposit",
            "proposal.involuntaryRefundRedeposit");
    Res policy =
        manager.post(
            check, change("expiry-policy", "PROGRAM", far, "{\"kind\":\"NEVER\",\"months\":0}"));
    assertThat(policy.json().getJsonObject("errors").keySet())
        .containsExactlyInAnyOrder("proposal.kind", "proposal.months");
    Res key =
        manager.post(
            check, change("expiry-policy", "VN", far, "{\"kind\":\"FIXED_TERM\",\"months\":36}"));
    assertThat(key.json().getJsonObject("errors").keySet()).contains("key");

    // a shorter period than the one in force: allowed, and flagged for the approver
    JsonObject inForce = rule("expiry-policy", "PROGRAM", far).json().getJsonObject("fields");
    int months = Integer.parseInt(inForce.getString("months"));
    Res shorter =
        manager.post(
            check,
            change(
                "expiry-policy",
                "PROGRAM",
                far,
                "{\"kind\":\"%s\",\"months\":%d}"
                    .formatted(inForce.getString("kind"), Math.max(1, months - 1))));
    assertThat(shorter.status()).as(shorter.toString()).isEqualTo(200);
    if (months > 1) {
      assertThat(
              String.join(
                  " ",
                  shorter
                      .json()
                      .getJsonArray("warnings")
                      .getValuesAs(jakarta.json.JsonString::getString)))
          .contains("sooner");
    }
  }
}
