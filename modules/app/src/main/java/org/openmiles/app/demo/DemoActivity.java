package org.openmiles.app.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accrual.api.ActivityAmount;
import org.openmiles.accrual.api.EarnBasis;
import org.openmiles.accrual.api.Fare;
import org.openmiles.accrual.api.Flight;
import org.openmiles.accrual.api.FlownCoupon;
import org.openmiles.accrual.api.PartnerActivity;

/**
 * One demo member's year, as the airline's and partners' files would bring it: flown coupons with
 * their fares, partner records (hotel nights, car days, card and mall spend) and the awards they
 * would redeem. Deterministic from the member's index. Patterns are chosen so every retention
 * segment shows on a first run (issue 19): a few percent fly every month and spend most; some were
 * frequent and stopped months ago (at risk, can't lose them); some joined the activity only lately
 * (new, promising); most fly now and then.
 */
final class DemoActivity {
  /** A route flown in the demo: flight number, city pair, great-circle miles. */
  private record Route(String flight, String from, String to, int miles, boolean domestic) {}

  private static final Route[] ROUTES = {
    new Route("220", "HAN", "SGN", 708, true),
    new Route("157", "HAN", "DAD", 393, true),
    new Route("121", "SGN", "DAD", 376, true),
    new Route("1551", "HAN", "PQC", 723, true),
    new Route("310", "HAN", "NRT", 2_291, false),
    new Route("300", "SGN", "NRT", 2_712, false),
    new Route("416", "HAN", "ICN", 1_689, false),
    new Route("651", "SGN", "SIN", 680, false),
    new Route("31", "HAN", "FRA", 5_548, false),
    new Route("98", "SGN", "SFO", 7_821, false),
    new Route("773", "SGN", "SYD", 4_850, false)
  };
  private static final String[] CLASSES = {"J", "C", "Y", "Y", "M", "K", "B", "L", "Q", "R"};

  /** What the year brings: coupons, partner records by partner, awards to redeem. */
  record Plan(
      List<FlownCoupon> coupons,
      List<PartnerActivity> hotel,
      List<PartnerActivity> car,
      List<PartnerActivity> bank,
      List<PartnerActivity> retail,
      List<Award> awards) {}

  /** An award redeemed on {@code day} if the member has the miles then. */
  record Award(long miles, LocalDate day, String what) {}

  private DemoActivity() {}

  /**
   * The plan of member {@code i} over the twelve months starting {@code firstMonth}, nothing after
   * {@code lastDay}.
   */
  static Plan of(
      int i,
      MemberNumber m,
      String given,
      String family,
      Random rnd,
      LocalDate firstMonth,
      LocalDate lastDay) {
    int level = rnd.nextInt(100);
    double perMonth = level < 3 ? 4 : level < 15 ? 1.5 : level < 60 ? 0.4 : 0.12;
    int pattern = rnd.nextInt(100);
    // months with activity: lapsed members stop 4 to 9 months before the end, late starters
    // begin in the last three months
    int from = pattern >= 88 ? 9 + rnd.nextInt(3) : 0;
    int to = pattern < 22 ? 12 - (4 + rnd.nextInt(6)) : 12;
    if (pattern < 22 && level >= 15) {
      perMonth *= 2.5; // the lapsed were good customers once
    }
    List<FlownCoupon> coupons = new ArrayList<>();
    List<PartnerActivity> hotel = new ArrayList<>();
    List<PartnerActivity> car = new ArrayList<>();
    List<PartnerActivity> bank = new ArrayList<>();
    List<PartnerActivity> retail = new ArrayList<>();
    List<Award> awards = new ArrayList<>();
    int k = 0;
    long earned = 0;
    for (int month = from; month < to; month++) {
      LocalDate base = firstMonth.plusMonths(month);
      int flights = (int) Math.round(perMonth * (0.5 + rnd.nextDouble()));
      for (int f = 0; f < flights; f++) {
        Route r = ROUTES[rnd.nextInt(ROUTES.length)];
        String cls = CLASSES[rnd.nextInt(CLASSES.length)];
        LocalDate day = base.plusDays(rnd.nextInt(base.lengthOfMonth()));
        if (day.isAfter(lastDay)) {
          continue;
        }
        coupons.add(
            new FlownCoupon(
                String.format("738%06d%04d", i, k++),
                1,
                'F',
                m,
                family,
                given,
                new Flight("VN", "VN", r.flight(), day, r.from(), r.to()),
                fare(r, cls),
                coupons.size() + 1L));
        earned += r.miles();
      }
      LocalDate mid = base.plusDays(14);
      if (mid.isAfter(lastDay)) {
        continue;
      }
      if (rnd.nextInt(10) < (level < 15 ? 3 : 1)) {
        hotel.add(
            partner(
                "DEMO_HOTEL", i, k++, m, family, mid, EarnBasis.STAY_NIGHT, 1 + rnd.nextInt(4)));
      }
      if (rnd.nextInt(25) == 0) {
        car.add(
            partner("DEMO_CAR", i, k++, m, family, mid, EarnBasis.RENTAL_DAY, 1 + rnd.nextInt(5)));
      }
      if (rnd.nextInt(4) == 0) {
        bank.add(
            partner(
                "DEMO_BANK",
                i,
                k++,
                m,
                family,
                base.plusDays(4),
                EarnBasis.SPEND,
                1_000_000L * (1 + rnd.nextInt(40))));
      }
      if (rnd.nextInt(8) == 0) {
        retail.add(
            partner(
                "DEMO_RETAIL",
                i,
                k++,
                m,
                family,
                base.plusDays(8),
                EarnBasis.SPEND,
                500_000L * (1 + rnd.nextInt(10))));
      }
      if (earned > 20_000 && rnd.nextInt(6) == 0) {
        long miles = earned > 60_000 ? 35_000 : 7_000;
        awards.add(
            new Award(
                miles,
                base.plusDays(25).isAfter(lastDay) ? lastDay : base.plusDays(25),
                miles == 7_000 ? "Award ticket HAN-SGN Economy" : "Award ticket HAN-NRT Economy"));
        earned -= miles;
      }
    }
    return new Plan(coupons, hotel, car, bank, retail, awards);
  }

  /**
   * A base fare that grows with the distance and the class: domestic fares in VND (converted to the
   * program currency by the spend conversion rates), international ones in USD.
   */
  private static Fare fare(Route r, String cls) {
    double perMile =
        switch (cls) {
          case "J", "C" -> 0.42;
          case "Y", "M", "K" -> 0.16;
          case "B", "L", "Q" -> 0.11;
          default -> 0.08;
        };
    BigDecimal usd = BigDecimal.valueOf(Math.max(39, r.miles() * perMile));
    return r.domestic()
        ? new Fare(
            cls,
            cls + "VN",
            usd.multiply(BigDecimal.valueOf(25_000)).setScale(0, RoundingMode.HALF_UP),
            "VND")
        : new Fare(cls, cls + "OW", usd.setScale(2, RoundingMode.HALF_UP), "USD");
  }

  private static PartnerActivity partner(
      String code,
      int i,
      int k,
      MemberNumber m,
      String family,
      LocalDate day,
      EarnBasis basis,
      long quantity) {
    return new PartnerActivity(
        code,
        "DEMO-" + i + "-" + k,
        m,
        day,
        new ActivityAmount(
            basis, BigDecimal.valueOf(quantity), basis == EarnBasis.SPEND ? "VND" : null),
        switch (basis) {
          case STAY_NIGHT -> quantity + " night(s)";
          case RENTAL_DAY -> quantity + " rental day(s)";
          case SPEND -> "card spend";
        },
        k,
        family,
        false);
  }
}
