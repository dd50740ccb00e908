package org.openmiles.tiers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The qualification rules of the default program (Lotusmiles model, DESIGN.md section 3). */
class TierProgramTest {

  static final TierDefinition MEMBER = TierDefinition.periodic("MEMBER", 0, 0, 0, 0);
  static final TierDefinition TITANIUM = TierDefinition.periodic("TITANIUM", 1, 15_000, 18, 25);
  static final TierDefinition GOLD = TierDefinition.periodic("GOLD", 2, 30_000, 27, 50);
  static final TierDefinition PLATINUM = TierDefinition.periodic("PLATINUM", 3, 50_000, 45, 100);
  static final TierDefinition MILLION = TierDefinition.lifetime("MILLION_MILER", 4, 1_000_000, 100);

  static TierProgram program(QualificationPeriod period) {
    return new TierProgram(period, 1, 1, List.of(MILLION, GOLD, MEMBER, PLATINUM, TITANIUM));
  }

  final TierProgram rolling = program(QualificationPeriod.ROLLING_12_MONTHS);
  final TierProgram calendar = program(QualificationPeriod.CALENDAR_YEAR);

  static Counters miles(long m) {
    return new Counters(m, BigDecimal.ZERO);
  }

  static Counters flights(String f) {
    return new Counters(0, new BigDecimal(f));
  }

  @Nested
  class Thresholds {
    @Test
    void milesExactlyAtBelowAndAbove() {
      assertThat(rolling.qualifiedFor(miles(14_999)).code()).isEqualTo("MEMBER");
      assertThat(rolling.qualifiedFor(miles(15_000)).code()).isEqualTo("TITANIUM");
      assertThat(rolling.qualifiedFor(miles(15_001)).code()).isEqualTo("TITANIUM");
      assertThat(rolling.qualifiedFor(miles(29_999)).code()).isEqualTo("TITANIUM");
      assertThat(rolling.qualifiedFor(miles(30_000)).code()).isEqualTo("GOLD");
      assertThat(rolling.qualifiedFor(miles(49_999)).code()).isEqualTo("GOLD");
      assertThat(rolling.qualifiedFor(miles(50_000)).code()).isEqualTo("PLATINUM");
      assertThat(rolling.qualifiedFor(miles(900_000)).code()).isEqualTo("PLATINUM");
    }

    @Test
    void flightsExactlyAtBelowAndAbove() {
      assertThat(rolling.qualifiedFor(flights("17.99")).code()).isEqualTo("MEMBER");
      assertThat(rolling.qualifiedFor(flights("18")).code()).isEqualTo("TITANIUM");
      assertThat(rolling.qualifiedFor(flights("18.50")).code()).isEqualTo("TITANIUM");
      assertThat(rolling.qualifiedFor(flights("26.5")).code()).isEqualTo("TITANIUM");
      assertThat(rolling.qualifiedFor(flights("27")).code()).isEqualTo("GOLD");
      assertThat(rolling.qualifiedFor(flights("44")).code()).isEqualTo("GOLD");
      assertThat(rolling.qualifiedFor(flights("45")).code()).isEqualTo("PLATINUM");
      assertThat(rolling.qualifiedFor(flights("46")).code()).isEqualTo("PLATINUM");
    }

    @Test
    void eitherCriterionSufficesAndTheHigherWins() {
      assertThat(rolling.qualifiedFor(new Counters(30_000, new BigDecimal("2"))).code())
          .isEqualTo("GOLD");
      assertThat(rolling.qualifiedFor(new Counters(100, new BigDecimal("27"))).code())
          .isEqualTo("GOLD");
      assertThat(rolling.qualifiedFor(new Counters(15_000, new BigDecimal("45"))).code())
          .isEqualTo("PLATINUM");
      assertThat(rolling.qualifiedFor(new Counters(14_999, new BigDecimal("17"))).code())
          .isEqualTo("MEMBER");
    }

    @Test
    void lifetimeMilesReachMillionMilerExactlyAtTheThreshold() {
      assertThat(rolling.earned(miles(0), 999_999).code()).isEqualTo("MEMBER");
      assertThat(rolling.earned(miles(0), 1_000_000).code()).isEqualTo("MILLION_MILER");
      assertThat(rolling.earned(miles(60_000), 1_000_001).code()).isEqualTo("MILLION_MILER");
      assertThat(rolling.validUntil(MILLION, LocalDate.of(2026, 5, 3))).isNull();
    }
  }

  /** Spend as a third criterion, only for tiers that have a spend threshold (in USD here). */
  @Nested
  class Spend {
    final TierProgram withSpend =
        new TierProgram(
            QualificationPeriod.CALENDAR_YEAR,
            1,
            1,
            List.of(
                MEMBER,
                TITANIUM.withSpendThreshold(new BigDecimal("3000.00")),
                GOLD.withSpendThreshold(new BigDecimal("6000.00")),
                PLATINUM,
                MILLION),
            "USD");

    Counters spend(String usd) {
      return new Counters(0, BigDecimal.ZERO, new BigDecimal(usd));
    }

    @Test
    void spendExactlyAtBelowAndAbove() {
      assertThat(withSpend.qualifiedFor(spend("2999.99")).code()).isEqualTo("MEMBER");
      assertThat(withSpend.qualifiedFor(spend("3000.00")).code()).isEqualTo("TITANIUM");
      assertThat(withSpend.qualifiedFor(spend("3000.01")).code()).isEqualTo("TITANIUM");
      assertThat(withSpend.qualifiedFor(spend("5999.99")).code()).isEqualTo("TITANIUM");
      assertThat(withSpend.qualifiedFor(spend("6000")).code()).isEqualTo("GOLD");
      // Platinum has no spend threshold: spend alone never reaches it
      assertThat(withSpend.qualifiedFor(spend("1000000")).code()).isEqualTo("GOLD");
    }

    @Test
    void anyOneCriterionSufficesAndSpendCountsOnlyWhereItIsSet() {
      assertThat(withSpend.qualifiedFor(new Counters(14_999, new BigDecimal("17"), null)).code())
          .isEqualTo("MEMBER");
      assertThat(
              withSpend
                  .qualifiedFor(new Counters(14_999, new BigDecimal("17"), new BigDecimal("6000")))
                  .code())
          .isEqualTo("GOLD");
      assertThat(
              withSpend
                  .qualifiedFor(new Counters(50_000, BigDecimal.ZERO, new BigDecimal("3000")))
                  .code())
          .isEqualTo("PLATINUM");
      assertThat(calendar.qualifiedFor(spend("100000")).code()).isEqualTo("MEMBER");
      assertThat(withSpend.spendCurrency()).contains("USD");
      assertThat(calendar.spendCurrency()).isEmpty();
    }

    @Test
    void spendKeepsAtTheReviewAndUpgradesAtOnce() {
      LocalDate today = LocalDate.of(2026, 5, 14);
      assertThat(withSpend.reviewed(GOLD, spend("6000")).code()).isEqualTo("GOLD");
      assertThat(withSpend.reviewed(GOLD, spend("5999.99")).code()).isEqualTo("TITANIUM");
      assertThat(withSpend.upgrade(null, spend("3000"), 0, today))
          .contains(new EarnedStatus("TITANIUM", today, LocalDate.of(2027, 12, 31)));
      // met by spend: nothing more is needed to keep Gold, though miles and flights are short
      TierDefinition gold = withSpend.find("GOLD").orElseThrow();
      assertThat(withSpend.needed(gold, spend("6000"), 0))
          .isEqualTo(new TierProgram.Needed(0, BigDecimal.ZERO, new BigDecimal("0.00")));
      assertThat(withSpend.needed(gold, spend("5999.99"), 0))
          .isEqualTo(new TierProgram.Needed(30_000, new BigDecimal("27"), new BigDecimal("0.01")));
      assertThat(withSpend.needed(gold, spend("7000"), 0).spend()).isEqualByComparingTo("0");
      // a tier without a spend threshold needs no spend: null, not zero
      assertThat(withSpend.needed(PLATINUM, spend("7000"), 0).spend()).isNull();
    }

    @Test
    void aSpendThresholdNeedsACurrencyAndAPeriodicTier() {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  new TierProgram(
                      QualificationPeriod.CALENDAR_YEAR,
                      1,
                      1,
                      List.of(MEMBER, GOLD.withSpendThreshold(BigDecimal.TEN))))
          .isInstanceOf(IllegalArgumentException.class);
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> MILLION.withSpendThreshold(BigDecimal.TEN))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** Activity credited after its period ended (calendar year: a December flight in January). */
  @Nested
  class LateActivity {
    final LocalDate january = LocalDate.of(2027, 1, 12);
    final LocalDate lastYearEnd = LocalDate.of(2026, 12, 31);

    @Test
    void countsForThePeriodOfItsDateWhileAStatusFromThereWouldStillHold() {
      assertThat(calendar.periodToCheck(LocalDate.of(2026, 12, 30), january)).contains(lastYearEnd);
      assertThat(calendar.periodToCheck(LocalDate.of(2027, 1, 2), january))
          .contains(LocalDate.of(2027, 12, 31));
      // a status qualified for in 2025 ended on 31 Dec 2026: nothing to upgrade any more
      assertThat(calendar.periodToCheck(LocalDate.of(2025, 12, 30), january)).isEmpty();
      // rolling: any month of today's window is the current period
      assertThat(rolling.periodToCheck(LocalDate.of(2026, 2, 1), january))
          .contains(LocalDate.of(2027, 1, 31));
      // rolling: older than today's window upgrades nobody, however late it arrives
      assertThat(rolling.periodToCheck(LocalDate.of(2026, 1, 20), january)).isEmpty();
      assertThat(rolling.periodToCheck(LocalDate.of(2025, 12, 20), january)).isEmpty();
    }

    @Test
    void crossingLastYearsThresholdUpgradesFromTodayUntilTheEndOfThisYear() {
      EarnedStatus titanium =
          new EarnedStatus("TITANIUM", LocalDate.of(2026, 3, 1), LocalDate.of(2027, 12, 31));
      assertThat(calendar.upgrade(titanium, miles(30_000), 30_000, january, lastYearEnd))
          .contains(new EarnedStatus("GOLD", january, LocalDate.of(2027, 12, 31)));
      assertThat(calendar.upgrade(null, miles(15_000), 15_000, january, lastYearEnd))
          .contains(new EarnedStatus("TITANIUM", january, LocalDate.of(2027, 12, 31)));
      assertThat(calendar.upgrade(null, miles(14_999), 14_999, january, lastYearEnd)).isEmpty();
    }

    @Test
    void meetingTheRequirementOfAStatusAwaitingItsReviewKeepsItLikeTheReviewWould() {
      EarnedStatus gold = new EarnedStatus("GOLD", LocalDate.of(2025, 6, 1), lastYearEnd);
      assertThat(calendar.upgrade(gold, flights("27"), 0, january, lastYearEnd))
          .contains(new EarnedStatus("GOLD", gold.since(), LocalDate.of(2027, 12, 31)));
      // short of it: no change here, the review decides (soft landing)
      assertThat(calendar.upgrade(gold, flights("26"), 0, january, lastYearEnd)).isEmpty();
    }
  }

  @Nested
  class Upgrades {
    final LocalDate today = LocalDate.of(2026, 5, 14);

    @Test
    void crossingAThresholdUpgradesFromTodayToTheEndOfTheFollowingPeriod() {
      assertThat(rolling.upgrade(null, miles(15_000), 15_000, today))
          .contains(new EarnedStatus("TITANIUM", today, LocalDate.of(2027, 5, 31)));
      assertThat(calendar.upgrade(null, flights("27"), 0, today))
          .contains(new EarnedStatus("GOLD", today, LocalDate.of(2027, 12, 31)));
    }

    @Test
    void belowTheThresholdNothingHappens() {
      assertThat(rolling.upgrade(null, miles(14_999), 14_999, today)).isEmpty();
    }

    @Test
    void aLowerOrEqualQualificationNeverLowersTheStatusSoAReversalCannotDowngrade() {
      EarnedStatus gold =
          new EarnedStatus("GOLD", LocalDate.of(2026, 1, 2), LocalDate.of(2027, 1, 31));
      assertThat(rolling.upgrade(gold, miles(16_000), 16_000, today)).isEmpty();
      assertThat(rolling.upgrade(gold, miles(0), 0, today)).isEmpty();
    }

    @Test
    void requalifyingForTheSameTierExtendsIt() {
      EarnedStatus gold =
          new EarnedStatus("GOLD", LocalDate.of(2025, 3, 2), LocalDate.of(2026, 12, 31));
      assertThat(calendar.upgrade(gold, miles(30_000), 30_000, today))
          .contains(new EarnedStatus("GOLD", gold.since(), LocalDate.of(2027, 12, 31)));
    }

    @Test
    void anExpiredStatusCountsAsTheBaseTier() {
      EarnedStatus old =
          new EarnedStatus("GOLD", LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31));
      assertThat(rolling.upgrade(old, miles(15_000), 15_000, today))
          .contains(new EarnedStatus("TITANIUM", today, LocalDate.of(2027, 5, 31)));
    }

    @Test
    void lifetimeTierComesFromLifetimeMilesEvenWithLittleActivityThisPeriod() {
      EarnedStatus plat =
          new EarnedStatus("PLATINUM", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31));
      assertThat(rolling.upgrade(plat, miles(5_000), 1_000_000, today))
          .contains(new EarnedStatus("MILLION_MILER", today, null));
    }
  }

  @Nested
  class Review {
    @Test
    void keepsTheTierWhenEitherRequirementIsMet() {
      assertThat(rolling.reviewed(GOLD, miles(30_000))).isEqualTo(GOLD);
      assertThat(rolling.reviewed(GOLD, flights("27"))).isEqualTo(GOLD);
      assertThat(rolling.reviewed(PLATINUM, flights("45"))).isEqualTo(PLATINUM);
    }

    @Test
    void softLandingMovesDownExactlyOneTierWhateverTheActivity() {
      assertThat(rolling.reviewed(GOLD, miles(29_999))).isEqualTo(TITANIUM);
      assertThat(rolling.reviewed(PLATINUM, miles(0))).isEqualTo(GOLD);
      assertThat(rolling.reviewed(PLATINUM, miles(15_000))).isEqualTo(GOLD);
      assertThat(rolling.reviewed(TITANIUM, flights("17"))).isEqualTo(MEMBER);
      assertThat(rolling.reviewed(MEMBER, miles(0))).isEqualTo(MEMBER);
    }

    @Test
    void aHigherQualificationAtTheReviewRaisesTheTier() {
      assertThat(rolling.reviewed(TITANIUM, miles(50_000))).isEqualTo(PLATINUM);
    }

    @Test
    void lifetimeTiersNeverDrop() {
      assertThat(rolling.reviewed(MILLION, miles(0))).isEqualTo(MILLION);
    }

    @Test
    void aProgramThatDropsTwoTiersStillStopsAtWhatTheActivityReaches() {
      TierProgram harsh =
          new TierProgram(
              QualificationPeriod.CALENDAR_YEAR, 2, 1, List.of(MEMBER, TITANIUM, GOLD, PLATINUM));
      assertThat(harsh.reviewed(PLATINUM, miles(0))).isEqualTo(TITANIUM);
      assertThat(harsh.reviewed(PLATINUM, miles(30_000))).isEqualTo(GOLD);
      assertThat(harsh.reviewed(TITANIUM, miles(0))).isEqualTo(MEMBER);
    }
  }

  @Nested
  class Progress {
    @Test
    void numbersNeededForTheNextTierAndToKeepTheCurrentOne() {
      Counters c = new Counters(22_000, new BigDecimal("20.5"));
      assertThat(rolling.needed(GOLD, c, 22_000))
          .isEqualTo(new TierProgram.Needed(8_000, new BigDecimal("6.5")));
      assertThat(rolling.needed(TITANIUM, c, 22_000))
          .isEqualTo(new TierProgram.Needed(0, BigDecimal.ZERO));
      assertThat(rolling.needed(MILLION, c, 990_000))
          .isEqualTo(new TierProgram.Needed(10_000, null));
      assertThat(rolling.above(PLATINUM)).contains(MILLION);
      assertThat(rolling.above(MILLION)).isEmpty();
    }
  }

  @Nested
  class Merge {
    final LocalDate today = LocalDate.of(2026, 11, 29);

    @Test
    void theSurvivorTakesTheDuplicatesHigherStatusWithItsDates() {
      EarnedStatus titanium = new EarnedStatus("TITANIUM", LocalDate.of(2026, 1, 5), null);
      EarnedStatus gold =
          new EarnedStatus("GOLD", LocalDate.of(2026, 3, 1), LocalDate.of(2027, 12, 31));
      assertThat(rolling.afterMerge(titanium, gold, today)).contains(gold);
      assertThat(rolling.afterMerge(null, gold, today)).contains(gold);
    }

    @Test
    void aLowerEqualOrLapsedDuplicateStatusChangesNothing() {
      EarnedStatus gold =
          new EarnedStatus("GOLD", LocalDate.of(2026, 3, 1), LocalDate.of(2027, 12, 31));
      EarnedStatus titanium = new EarnedStatus("TITANIUM", LocalDate.of(2026, 1, 5), null);
      EarnedStatus lapsedPlatinum =
          new EarnedStatus("PLATINUM", LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31));
      assertThat(rolling.afterMerge(gold, titanium, today)).isEmpty();
      assertThat(rolling.afterMerge(gold, gold, today)).isEmpty();
      assertThat(rolling.afterMerge(gold, lapsedPlatinum, today)).isEmpty();
      assertThat(rolling.afterMerge(gold, null, today)).isEmpty();
    }

    @Test
    void aSurvivorWhoseOwnStatusLapsedHoldsTheBaseTier() {
      EarnedStatus lapsedPlatinum =
          new EarnedStatus("PLATINUM", LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31));
      EarnedStatus titanium =
          new EarnedStatus("TITANIUM", LocalDate.of(2026, 1, 5), LocalDate.of(2027, 12, 31));
      assertThat(rolling.afterMerge(lapsedPlatinum, titanium, today)).contains(titanium);
    }
  }

  /**
   * QualifyingActivity skips the standing read of a member when even their lifetime totals, taken
   * as the period's, would neither upgrade nor extend their status. That is sound only if an
   * upgrade never needs less activity when there is more: for counters at or below a bound, an
   * upgrade (or extension) the counters give, the bound gives too.
   */
  @Test
  void moreActivityNeverLosesAnUpgradeSoTheLifetimeBoundIsSafe() {
    java.util.Random random = new java.util.Random(20261129);
    LocalDate today = LocalDate.of(2026, 11, 29);
    List<String> codes = List.of("MEMBER", "TITANIUM", "GOLD", "PLATINUM", "MILLION_MILER");
    for (TierProgram p : List.of(rolling, calendar)) {
      for (int i = 0; i < 20_000; i++) {
        EarnedStatus current =
            random.nextInt(5) == 0
                ? null
                : new EarnedStatus(
                    codes.get(random.nextInt(codes.size())),
                    today.minusDays(random.nextInt(700)),
                    random.nextInt(10) == 0 ? null : today.plusDays(random.nextInt(900) - 200));
        long miles = random.nextInt(70_000);
        BigDecimal flights = BigDecimal.valueOf(random.nextInt(6_000), 2);
        long lifetimeMiles = miles + random.nextInt(1_100_000);
        Counters bound =
            new Counters(lifetimeMiles, flights.add(BigDecimal.valueOf(random.nextInt(3_000), 2)));
        LocalDate end =
            random.nextBoolean()
                ? p.period().periodEnd(today)
                : p.period().periodEnd(today.minusYears(1));
        if (p.upgrade(current, new Counters(miles, flights), lifetimeMiles, today, end)
            .isPresent()) {
          assertThat(p.upgrade(current, bound, bound.miles(), today, end))
              .as(
                  "bound %s, counters %d / %s, status %s, period end %s",
                  bound, miles, flights, current, end)
              .isPresent();
        }
      }
    }
  }
}
