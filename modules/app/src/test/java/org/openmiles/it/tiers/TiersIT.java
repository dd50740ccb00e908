package org.openmiles.it.tiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.InvalidStatusChangeException;
import org.openmiles.accounts.api.MemberMerges;
import org.openmiles.accounts.api.MemberNotActiveException;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberService;
import org.openmiles.accounts.api.MemberStatus;
import org.openmiles.accounts.api.MergeMembers;
import org.openmiles.accounts.api.MergeRefusedException;
import org.openmiles.accounts.api.MergeView;
import org.openmiles.accounts.api.MilesLedger;
import org.openmiles.accounts.api.PlaceHold;
import org.openmiles.accounts.api.PostMiles;
import org.openmiles.accounts.api.Qualifying;
import org.openmiles.accounts.api.SourceReference;
import org.openmiles.accrual.api.LedgerReferences;
import org.openmiles.common.ValidationException;
import org.openmiles.it.support.Api;
import org.openmiles.it.support.Db;
import org.openmiles.it.support.Deployments;
import org.openmiles.it.support.Enrollments;
import org.openmiles.tiers.api.GrantTierOverride;
import org.openmiles.tiers.api.MemberTiers;
import org.openmiles.tiers.api.PeriodNotEndedException;
import org.openmiles.tiers.api.TierHistoryView;
import org.openmiles.tiers.api.TierReview;
import org.openmiles.tiers.api.TierReviewSummary;
import org.openmiles.tiers.api.TierService;
import org.openmiles.tiers.api.TierStatusView;

/**
 * Tiers in the server: counters and instant upgrades from ledger postings in the posting's
 * transaction, reversals that never downgrade, the period-end review (keep, soft landing, lifetime,
 * once and only once, concurrent starts), overrides that end on their own, the REST API, and
 * counters that still equal the ledger after concurrent postings. The default program (rolling 12
 * months, Asia/Ho_Chi_Minh) is in force.
 */
@ExtendWith(ArquillianExtension.class)
class TiersIT {
  private static final ZoneId SAIGON = ZoneId.of("Asia/Ho_Chi_Minh");

  @Deployment
  static WebArchive deployment() {
    return Deployments.openmilesWithTests();
  }

  @Inject MemberService members;
  @Inject MilesLedger ledger;
  @Inject TierService tiers;
  @Inject TierReview review;
  @Inject MemberTiers memberTiers;
  @Inject TierEventRecorder events;
  @Inject MemberMerges merges;

  @Resource ManagedExecutorService executor;

  @ArquillianResource URL url;

  private static LocalDate today() {
    return LocalDate.now(SAIGON);
  }

  private MemberNumber enroll() {
    return Enrollments.enroll(members, "Tier");
  }

  private static String ref() {
    return "it-tier:" + UUID.randomUUID();
  }

  /** A flown segment's credit: base miles that are also qualifying, and flights. */
  private static PostMiles flight(
      MemberNumber m, String ref, long qm, String flights, LocalDate d) {
    return new PostMiles(
        m,
        EntryType.CREDIT,
        qm,
        SourceReference.of(ref),
        d,
        "IT flight",
        Qualifying.of(qm, new BigDecimal(flights)));
  }

  private static PostMiles reversal(
      MemberNumber m, String ref, long qm, String flights, LocalDate d) {
    return new PostMiles(
        m,
        EntryType.REVERSAL,
        -qm,
        SourceReference.of(ref),
        d,
        "IT refund",
        Qualifying.of(qm, new BigDecimal(flights)).negate());
  }

  private void fly(MemberNumber m, long qm, String flights, LocalDate d) {
    assertThat(ledger.postBatch(List.of(flight(m, ref(), qm, flights, d))).rejected()).isEmpty();
  }

  private static void setStatus(MemberNumber m, String tier, LocalDate since, LocalDate until) {
    Db.update(
        "insert into tiers.member_tier (member_number, tier_code, since, valid_until)"
            + " values (?, ?, ?, ?) on conflict (member_number) do update set tier_code ="
            + " excluded.tier_code, since = excluded.since, valid_until = excluded.valid_until",
        m.value(),
        tier,
        Date.valueOf(since),
        until == null ? null : Date.valueOf(until));
  }

  private static String tierRow(MemberNumber m) {
    try (var c = Db.connect();
        var ps =
            c.prepareStatement(
                "select tier_code || ' ' || coalesce(valid_until::text, '-')"
                    + " from tiers.member_tier where member_number = ?")) {
      ps.setString(1, m.value());
      try (var rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : "none";
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void crossingAThresholdUpgradesAtOnceAndAReversalNeverDowngrades() {
    LocalDate today = today();
    LocalDate until = today.withDayOfMonth(1).plusMonths(13).minusDays(1);
    MemberNumber m = enroll();
    fly(m, 14_999, "1", today);
    TierStatusView before = tiers.status(m);
    assertThat(before.tier()).isEqualTo("MEMBER");
    assertThat(before.next().tier()).isEqualTo("TITANIUM");
    assertThat(before.next().milesNeeded()).isEqualTo(1);
    assertThat(before.next().flightsNeeded()).isEqualByComparingTo("17");

    String credit = ref();
    ledger.postBatch(List.of(flight(m, credit, 1_000, "1", today)));
    TierStatusView after = tiers.status(m);
    assertThat(after.tier()).isEqualTo("TITANIUM");
    assertThat(after.validUntil()).isEqualTo(until);
    assertThat(after.qualifyingMiles()).isEqualTo(15_999);
    assertThat(after.keep().milesNeeded()).isZero();
    assertThat(after.next().tier()).isEqualTo("GOLD");
    assertThat(after.next().milesNeeded()).isEqualTo(30_000 - 15_999);
    assertThat(memberTiers.tierOn(m, today).code()).isEqualTo("TITANIUM");
    assertThat(tiers.history(m))
        .extracting(TierHistoryView::fromTier, TierHistoryView::toTier, TierHistoryView::source)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("MEMBER", "TITANIUM", "UPGRADE"));
    assertThat(events.of(m.value()))
        .extracting(c -> c.toTier() + " " + c.source())
        .containsExactly("TITANIUM UPGRADE");

    // the refund takes the qualifying activity back, the status stays until the review
    ledger.postBatch(List.of(reversal(m, LedgerReferences.reversal(credit), 1_000, "1", today)));
    TierStatusView reversed = tiers.status(m);
    assertThat(reversed.tier()).isEqualTo("TITANIUM");
    assertThat(reversed.qualifyingMiles()).isEqualTo(14_999);
    assertThat(reversed.keep().milesNeeded()).isEqualTo(1);
    assertThat(tiers.history(m)).hasSize(1);

    // flights alone are enough too; half segments count half
    MemberNumber f = enroll();
    List<PostMiles> segments = new ArrayList<>();
    for (int i = 0; i < 35; i++) {
      segments.add(flight(f, ref(), 100, "0.50", today.minusDays(i)));
    }
    ledger.postBatch(segments);
    assertThat(tiers.status(f).tier()).isEqualTo("MEMBER");
    fly(f, 100, "1", today);
    assertThat(tiers.status(f).tier()).isEqualTo("TITANIUM");
    assertThat(tiers.status(f).qualifyingFlights()).isEqualByComparingTo("18.5");
    assertThat(tiers.status(f).spendCurrency()).as("the seeded program counts no spend").isNull();

    // activity older than the rolling 12 months counts for the lifetime, not for the period
    MemberNumber old = enroll();
    fly(old, 20_000, "2", today.withDayOfMonth(1).minusMonths(12));
    TierStatusView o = tiers.status(old);
    assertThat(o.tier()).isEqualTo("MEMBER");
    assertThat(o.qualifyingMiles()).isZero();
    assertThat(o.lifetimeQualifyingMiles()).isEqualTo(20_000);
    // ... and lifetime miles still reach a lifetime tier, whatever the activity's date
    MemberNumber veteran = enroll();
    fly(veteran, 1_000_000, "1", today.withDayOfMonth(1).minusMonths(14));
    assertThat(tiers.status(veteran).tier()).isEqualTo("MILLION_MILER");
  }

  @Test
  void
      aMergeMovesTheMilesWithTheirExpiryCombinesQualifyingKeepsTheHigherTierAndClosesTheDuplicate() {
    LocalDate today = today();
    MemberNumber survivor = enroll();
    MemberNumber duplicate = enroll();
    fly(survivor, 10_000, "1", today);
    fly(duplicate, 8_000, "2", today.minusMonths(1));
    LocalDate soon = today.plusMonths(3);
    ledger.post(PostMiles.credit(duplicate, 500, ref(), today, "IT bonus").expiringOn(soon));
    LocalDate goldUntil = today.plusYears(1);
    setStatus(duplicate, "GOLD", today.minusMonths(2), goldUntil);

    // miles on hold for a payment in progress block the merge, and nothing changes
    SourceReference hold = SourceReference.of(ref());
    ledger.placeHold(new PlaceHold(duplicate, 300, hold, java.time.Duration.ofHours(1), "IT"));
    assertThat(merges.refusal(survivor, duplicate).orElseThrow()).contains("300 miles on hold");
    assertThatThrownBy(
            () -> merges.merge(new MergeMembers(survivor, duplicate, "enrolled twice", "it")))
        .isInstanceOf(MergeRefusedException.class)
        .hasMessageContaining("on hold");
    assertThat(ledger.balance(duplicate).balance()).isEqualTo(8_500);
    ledger.releaseHold(hold);
    assertThat(merges.refusal(survivor, duplicate)).isEmpty();

    MergeView merged =
        merges.merge(new MergeMembers(survivor, duplicate, "enrolled twice", "it-supervisor"));
    assertThat(merged.replayed()).isFalse();
    assertThat(merged.milesMoved()).isEqualTo(8_500);
    assertThat(merged.lots())
        .extracting(l -> l.expiresOn() + " " + l.miles())
        .contains(soon + " 500");
    assertThat(merged.lots().stream().mapToLong(l -> l.miles()).sum()).isEqualTo(8_500);

    // miles: all of them at the survivor, with the expiry dates they had
    assertThat(ledger.balance(duplicate).balance()).isZero();
    assertThat(ledger.balance(survivor).balance()).isEqualTo(18_500);
    assertThat(ledger.balance(survivor).expiring())
        .extracting(l -> l.expiresOn() + " " + l.miles())
        .contains(soon + " 500");
    assertThat(Db.invariantViolations()).isEmpty();

    // the duplicate is closed and points at the survivor
    var d = members.get(duplicate);
    assertThat(d.status()).isEqualTo(MemberStatus.CLOSED);
    assertThat(d.mergedInto()).isEqualTo(survivor);
    assertThat(members.get(survivor).mergedInto()).isNull();
    assertThat(merges.mergeOf(duplicate).orElseThrow().survivor()).isEqualTo(survivor);

    // tiers: activity combined, the duplicate's Gold kept (higher than the survivor's Member)
    TierStatusView s = tiers.status(survivor);
    assertThat(s.qualifyingMiles()).isEqualTo(18_000);
    assertThat(s.qualifyingFlights()).isEqualByComparingTo("3");
    assertThat(s.tier()).isEqualTo("GOLD");
    assertThat(s.validUntil()).isEqualTo(goldUntil);
    assertThat(tiers.history(survivor))
        .extracting(h -> h.toTier() + " " + h.source())
        .containsExactly("GOLD MERGE");

    // a second merge of the same pair is a no-op; the other way round, or a posting, is refused
    MergeView again =
        merges.merge(new MergeMembers(survivor, duplicate, "enrolled twice", "it-supervisor"));
    assertThat(again.replayed()).isTrue();
    assertThat(again.milesMoved()).isEqualTo(8_500);
    assertThat(ledger.balance(survivor).balance()).isEqualTo(18_500);
    assertThatThrownBy(
            () -> merges.merge(new MergeMembers(duplicate, survivor, "the other way", "it")))
        .isInstanceOf(MergeRefusedException.class)
        .hasMessageContaining("merged into " + survivor);
    assertThatThrownBy(() -> ledger.post(PostMiles.credit(duplicate, 100, ref(), today, "late")))
        .isInstanceOf(MemberNotActiveException.class);
    assertThatThrownBy(() -> members.changeStatus(duplicate, MemberStatus.ACTIVE, "reopen it"))
        .isInstanceOf(InvalidStatusChangeException.class)
        .hasMessageContaining("merged into " + survivor);
    assertThat(
            Db.count(
                "select count(*) from accounts.ledger_entry e join accounts.member m"
                    + " on m.id = e.member_id where m.member_number in (?, ?)"
                    + " and e.entry_type in ('MERGE_OUT', 'MERGE_IN')",
                survivor.value(),
                duplicate.value()))
        .isEqualTo(2);
  }

  @Test
  void reviewKeepsMovesDownOneTierSparesLifetimeAndRunsOnceEvenWhenStartedTwice() throws Exception {
    LocalDate periodEnd = today().withDayOfMonth(1).minusDays(1); // end of last month
    LocalDate next = periodEnd.plusDays(1).plusMonths(12).minusDays(1);
    LocalDate since = periodEnd.minusYears(1);
    MemberNumber keepsByMiles = enroll();
    MemberNumber keepsByFlights = enroll();
    MemberNumber platinumDrops = enroll();
    MemberNumber titaniumDrops = enroll();
    MemberNumber lifetime = enroll();
    MemberNumber laterUpgrade = enroll();
    fly(keepsByMiles, 30_000, "3", periodEnd);
    fly(keepsByFlights, 1_000, "27", periodEnd.minusMonths(11).withDayOfMonth(1));
    fly(platinumDrops, 20_000, "2", periodEnd); // reaches Titanium only: still lands on Gold
    fly(laterUpgrade, 16_000, "2", periodEnd.minusDays(3)); // upgraded after: not reviewed yet
    setStatus(keepsByMiles, "GOLD", since, periodEnd);
    setStatus(keepsByFlights, "GOLD", since, periodEnd);
    setStatus(platinumDrops, "PLATINUM", since, periodEnd);
    setStatus(titaniumDrops, "TITANIUM", since, periodEnd);
    setStatus(lifetime, "MILLION_MILER", since, null);

    CountDownLatch go = new CountDownLatch(1);
    List<Future<TierReviewSummary>> runs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      runs.add(
          executor.submit(
              () -> {
                go.await();
                return review.run(periodEnd);
              }));
    }
    go.countDown();
    TierReviewSummary a = runs.get(0).get(120, TimeUnit.SECONDS);
    TierReviewSummary b = runs.get(1).get(120, TimeUnit.SECONDS);
    assertThat(List.of(a.outcome(), b.outcome())).containsExactlyInAnyOrder("RAN", "ALREADY_RUN");
    assertThat(a.reviewed()).isEqualTo(b.reviewed()).isGreaterThanOrEqualTo(4);
    assertThat(a.moves()).isEqualTo(b.moves());
    assertThat(a.moves())
        .anySatisfy(mv -> assertThat(mv.fromTier() + ">" + mv.toTier()).isEqualTo("PLATINUM>GOLD"))
        .anySatisfy(mv -> assertThat(mv.fromTier() + ">" + mv.toTier()).isEqualTo("GOLD>GOLD"));

    assertThat(tierRow(keepsByMiles)).isEqualTo("GOLD " + next);
    assertThat(tierRow(keepsByFlights)).isEqualTo("GOLD " + next);
    assertThat(tierRow(platinumDrops)).isEqualTo("GOLD " + next);
    assertThat(tierRow(titaniumDrops)).isEqualTo("MEMBER -");
    assertThat(tierRow(lifetime)).isEqualTo("MILLION_MILER -");
    assertThat(tierRow(laterUpgrade)).startsWith("TITANIUM ").doesNotEndWith(next.toString());
    assertThat(tiers.history(platinumDrops).get(0))
        .extracting(TierHistoryView::fromTier, TierHistoryView::toTier, TierHistoryView::source)
        .containsExactly("PLATINUM", "GOLD", "REVIEW");
    assertThat(tiers.history(keepsByMiles)).noneMatch(h -> h.source().equals("REVIEW"));
    assertThat(review.last()).isPresent();

    // a third start changes nothing; and the statement itself is idempotent once the run row goes
    long historyRows = Db.count("select count(*) from tiers.tier_history");
    String state =
        List.of(keepsByMiles, keepsByFlights, platinumDrops, titaniumDrops, lifetime).stream()
            .map(TiersIT::tierRow)
            .toList()
            .toString();
    assertThat(review.run(periodEnd).outcome()).isEqualTo("ALREADY_RUN");
    Db.update("delete from tiers.tier_review_move where period_end = ?", Date.valueOf(periodEnd));
    Db.update("delete from tiers.tier_review_run where period_end = ?", Date.valueOf(periodEnd));
    TierReviewSummary again = review.run(periodEnd);
    assertThat(again.outcome()).isEqualTo("RAN");
    assertThat(again.reviewed()).isZero();
    assertThat(Db.count("select count(*) from tiers.tier_history")).isEqualTo(historyRows);
    assertThat(
            List.of(keepsByMiles, keepsByFlights, platinumDrops, titaniumDrops, lifetime).stream()
                .map(TiersIT::tierRow)
                .toList()
                .toString())
        .isEqualTo(state);

    assertThatThrownBy(() -> review.run(today().withDayOfMonth(1).plusMonths(1).minusDays(1)))
        .isInstanceOf(PeriodNotEndedException.class);
    assertThatThrownBy(() -> review.run(periodEnd.minusDays(1)))
        .isInstanceOf(ValidationException.class);
  }

  /**
   * A calendar-year program (period = January to December of the activity date; "today" in the
   * airline's zone) put in force for this test only: qualification and the instant upgrade count
   * this year's months, a late credit (a flight of last December posted now) counts for last year
   * and upgrades or keeps a status by last year's total, and last year's review, not yet run,
   * judges the rest with those counters.
   */
  @Test
  void calendarYearProgramQualifiesUpgradesCountsLateActivityInItsYearAndReviews() {
    LocalDate today = today();
    LocalDate lastYearEnd = LocalDate.of(today.getYear() - 1, 12, 31);
    LocalDate thisYearEnd = lastYearEnd.plusYears(1);
    LocalDate nextYearEnd = thisYearEnd.plusYears(1);
    LocalDate lastDecember = lastYearEnd.minusDays(3);
    Db.update(
        "insert into tiers.tier_program (effective_from, qualification_period,"
            + " upgrade_immediately, review_drop_tiers, validity_periods, spend_currency)"
            + " values (date '2001-01-01', 'CALENDAR_YEAR', true, 1, 1, 'USD')");
    // the seeded tiers again, Titanium and Gold also reached with 3,000 / 6,000 USD of spend
    Db.update(
        "insert into tiers.tier_definition (code, effective_from, tier_rank, name, qm_threshold,"
            + " qf_threshold, lifetime_qm_threshold, lifetime, flight_bonus_pct, qs_threshold)"
            + " select code, date '2001-01-01', tier_rank, name, qm_threshold, qf_threshold,"
            + " lifetime_qm_threshold, lifetime, flight_bonus_pct,"
            + " case code when 'TITANIUM' then 3000 when 'GOLD' then 6000 end"
            + " from tiers.tier_definition where effective_from = date '2000-01-01'");
    try {
      // this year's months count, last year's do not: 14,000 + 1,000 late for last year
      MemberNumber a = enroll();
      fly(a, 14_000, "1", thisYearEnd.withDayOfYear(1));
      fly(a, 1_000, "1", lastYearEnd);
      TierStatusView almost = tiers.status(a);
      assertThat(almost.tier()).isEqualTo("MEMBER");
      assertThat(almost.qualifyingMiles()).isEqualTo(14_000);
      assertThat(almost.next().milesNeeded()).isEqualTo(1_000);
      fly(a, 1_000, "1", today);
      TierStatusView upgraded = tiers.status(a);
      assertThat(upgraded.tier()).isEqualTo("TITANIUM");
      assertThat(upgraded.validUntil()).isEqualTo(nextYearEnd);
      assertThat(upgraded.lifetimeQualifyingMiles()).isEqualTo(16_000);

      // late activity crossing last year's Gold threshold: Gold from today to the end of this
      // year (a status qualified for last year), this year's counters untouched
      MemberNumber b = enroll();
      setStatus(b, "TITANIUM", today, thisYearEnd);
      fly(b, 25_000, "2", lastYearEnd.minusMonths(6));
      assertThat(tierRow(b)).isEqualTo("TITANIUM " + thisYearEnd);
      fly(b, 6_000, "1", lastDecember);
      assertThat(tierRow(b)).isEqualTo("GOLD " + thisYearEnd);
      assertThat(tiers.status(b).qualifyingMiles()).isZero();
      assertThat(tiers.history(b).get(0))
          .extracting(TierHistoryView::fromTier, TierHistoryView::toTier, TierHistoryView::source)
          .containsExactly("TITANIUM", "GOLD", "UPGRADE");
      assertThat(events.of(b.value()))
          .extracting(c -> c.fromTier() + ">" + c.toTier())
          .containsExactly("TITANIUM>GOLD");

      // a status awaiting last year's review: late activity meeting its requirement keeps it to
      // the end of this year, as the review would; without it the review drops it
      MemberNumber keeps = enroll();
      MemberNumber drops = enroll();
      MemberNumber platinum = enroll();
      for (MemberNumber m : List.of(keeps, drops)) {
        setStatus(m, "TITANIUM", lastYearEnd.minusYears(1), lastYearEnd);
        fly(m, 10_000, "1", lastYearEnd.minusMonths(9));
      }
      setStatus(platinum, "PLATINUM", lastYearEnd.minusYears(1), lastYearEnd);
      fly(platinum, 31_000, "1", lastYearEnd.minusMonths(2));
      assertThat(tierRow(keeps)).isEqualTo("TITANIUM " + lastYearEnd);
      fly(keeps, 5_000, "1", lastDecember);
      fly(drops, 4_999, "1", lastDecember);
      assertThat(tierRow(keeps)).isEqualTo("TITANIUM " + thisYearEnd);
      assertThat(tierRow(drops)).isEqualTo("TITANIUM " + lastYearEnd);
      // last year's review has not run (in January and February another test may have reviewed
      // 31 December as a month end)
      Db.update(
          "delete from tiers.tier_review_move where period_end = ?", Date.valueOf(lastYearEnd));
      Db.update(
          "delete from tiers.tier_review_run where period_end = ?", Date.valueOf(lastYearEnd));

      // spend at the review (put in the counters directly), exactly at and below the thresholds
      MemberNumber spendGold = enroll();
      MemberNumber spendTitanium = enroll();
      MemberNumber spendShort = enroll();
      setStatus(spendGold, "GOLD", lastYearEnd.minusYears(1), lastYearEnd);
      setStatus(spendTitanium, "TITANIUM", lastYearEnd.minusYears(1), lastYearEnd);
      setStatus(spendShort, "TITANIUM", lastYearEnd.minusYears(1), lastYearEnd);
      spend(spendGold, lastYearEnd.withDayOfMonth(1).minusMonths(5), "6000.00");
      spend(spendTitanium, lastYearEnd.withDayOfMonth(1).minusMonths(5), "3000.00");
      spend(spendShort, lastYearEnd.withDayOfMonth(1).minusMonths(5), "2999.99");
      // an instant upgrade by spend from real postings (ADR 0020): 2,999.99 USD is one cent short
      // of Titanium; the cent's credit upgrades at once; its reversal takes the spend back from
      // the counters but does not lower the status; the counters equal the ledger throughout
      MemberNumber spendUp = enroll();
      String cent = ref();
      spendFly(spendUp, ref(), 100, "2999.99", thisYearEnd.withDayOfYear(1));
      assertThat(tiers.status(spendUp).tier()).isEqualTo("MEMBER");
      assertThat(tiers.status(spendUp).next().spendNeeded())
          .as("the progress says how much spend Titanium still needs")
          .isEqualByComparingTo("0.01");
      spendFly(spendUp, cent, 10, "0.01", today);
      assertThat(tierRow(spendUp)).isEqualTo("TITANIUM " + nextYearEnd);
      assertThat(events.of(spendUp.value()))
          .extracting(c -> c.fromTier() + ">" + c.toTier())
          .containsExactly("MEMBER>TITANIUM");
      assertThat(
              ledger
                  .postBatch(
                      List.of(
                          new PostMiles(
                              spendUp,
                              EntryType.REVERSAL,
                              -10,
                              SourceReference.of(LedgerReferences.reversal(cent)),
                              today,
                              "IT refund",
                              Qualifying.of(10, BigDecimal.ZERO, new BigDecimal("0.01")).negate())))
                  .rejected())
          .isEmpty();
      assertThat(tierRow(spendUp)).isEqualTo("TITANIUM " + nextYearEnd);
      assertThat(spendCounted(spendUp)).isEqualTo("2999.99 2999.99");
      TierStatusView spent = tiers.status(spendUp);
      assertThat(spent.qualifyingSpend()).isEqualByComparingTo("2999.99");
      assertThat(spent.spendCurrency()).isEqualTo("USD");

      assertThatThrownBy(() -> review.run(lastYearEnd.minusMonths(6)))
          .isInstanceOf(ValidationException.class);
      TierReviewSummary run = review.run(lastYearEnd);
      assertThat(run.outcome()).isEqualTo("RAN");
      assertThat(run.qualificationPeriod()).isEqualTo("CALENDAR_YEAR");
      assertThat(run.moves())
          .anySatisfy(
              mv -> assertThat(mv.fromTier() + ">" + mv.toTier()).isEqualTo("TITANIUM>MEMBER"))
          .anySatisfy(
              mv -> assertThat(mv.fromTier() + ">" + mv.toTier()).isEqualTo("PLATINUM>GOLD"));
      assertThat(tierRow(keeps)).isEqualTo("TITANIUM " + thisYearEnd);
      assertThat(tierRow(drops)).isEqualTo("MEMBER -");
      assertThat(tierRow(platinum)).isEqualTo("GOLD " + thisYearEnd);
      assertThat(tiers.history(keeps)).noneMatch(h -> h.source().equals("REVIEW"));
      assertThat(tierRow(b)).isEqualTo("GOLD " + thisYearEnd);
      assertThat(tierRow(spendGold)).isEqualTo("GOLD " + thisYearEnd);
      assertThat(tierRow(spendTitanium)).isEqualTo("TITANIUM " + thisYearEnd);
      assertThat(tierRow(spendShort)).isEqualTo("MEMBER -");
    } finally {
      Db.update(
          "delete from tiers.tier_review_move where period_end = ?", Date.valueOf(lastYearEnd));
      Db.update(
          "delete from tiers.tier_review_run where period_end = ?", Date.valueOf(lastYearEnd));
      Db.update("delete from tiers.tier_program where effective_from = date '2001-01-01'");
      Db.update("delete from tiers.tier_definition where effective_from = date '2001-01-01'");
    }
  }

  /** A credit carrying qualifying miles and spend (USD), no flights. */
  private void spendFly(MemberNumber m, String ref, long qm, String spend, LocalDate d) {
    PostMiles credit =
        new PostMiles(
            m,
            EntryType.CREDIT,
            qm,
            SourceReference.of(ref),
            d,
            "IT flight",
            Qualifying.of(qm, BigDecimal.ZERO, new BigDecimal(spend)));
    assertThat(ledger.postBatch(List.of(credit)).rejected()).isEmpty();
  }

  /** The member's qualifying spend on the ledger and in the monthly counters, space-separated. */
  private static String spendCounted(MemberNumber m) {
    try (var c = Db.connect();
        var ps =
            c.prepareStatement(
                "select (select coalesce(sum(e.qualifying_spend), 0) from accounts.ledger_entry e"
                    + " join accounts.member a on a.id = e.member_id where a.member_number = ?)"
                    + " || ' ' || (select coalesce(sum(qualifying_spend), 0)"
                    + " from tiers.qualifying_month where member_number = ?)")) {
      ps.setString(1, m.value());
      ps.setString(2, m.value());
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void spend(MemberNumber m, LocalDate month, String amount) {
    Db.update(
        "insert into tiers.qualifying_month (member_number, month, qualifying_miles,"
            + " qualifying_flights, qualifying_spend) values (?, ?, 0, 0, ?::numeric)"
            + " on conflict (member_number, month) do update set qualifying_spend = excluded.qualifying_spend",
        m.value(),
        Date.valueOf(month),
        amount);
  }

  @Test
  void anOverrideRaisesTheTierUntilItsLastDayThenEndsOnItsOwn() {
    LocalDate today = today();
    MemberNumber m = enroll();
    fly(m, 16_000, "2", today); // earned Titanium
    TierStatusView granted =
        tiers.grantOverride(
            m, new GrantTierOverride("GOLD", "status match from another airline", "sup-1", today));
    assertThat(granted.tier()).isEqualTo("GOLD");
    assertThat(granted.earnedTier()).isEqualTo("TITANIUM");
    assertThat(granted.validUntil()).isEqualTo(today);
    assertThat(granted.override().approver()).isEqualTo("sup-1");
    assertThat(memberTiers.tierOn(m, today).code()).isEqualTo("GOLD");
    assertThat(memberTiers.tierOn(m, today.plusDays(1)).code()).isEqualTo("TITANIUM");
    assertThat(events.of(m.value())).extracting(c -> c.source()).contains("OVERRIDE");

    assertThatThrownBy(
            () ->
                tiers.grantOverride(
                    m, new GrantTierOverride("GOLD", "late", "sup-1", today.minusDays(1))))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () -> tiers.grantOverride(m, new GrantTierOverride("GOLDEN", " ", null, today)))
        .isInstanceOf(ValidationException.class);

    // the override's last day passes: the earned tier shows at once, the job records the end
    Db.update(
        "update tiers.member_tier set override_since = ?, override_until = ?"
            + " where member_number = ?",
        Date.valueOf(today.minusDays(10)),
        Date.valueOf(today.minusDays(1)),
        m.value());
    assertThat(tiers.status(m).tier()).isEqualTo("TITANIUM");
    assertThat(tiers.status(m).override()).isNull();
    assertThat(tiers.endExpiredOverrides(today)).isGreaterThanOrEqualTo(1);
    assertThat(tiers.history(m).get(0))
        .extracting(TierHistoryView::fromTier, TierHistoryView::toTier, TierHistoryView::source)
        .containsExactly("GOLD", "TITANIUM", "OVERRIDE_ENDED");
    assertThat(tiers.endExpiredOverrides(today)).isZero();
    assertThat(events.of(m.value())).extracting(c -> c.source()).contains("OVERRIDE_ENDED");
  }

  @Test
  void countersEqualTheLedgerAfterConcurrentPostingsAndAReview() throws Exception {
    List<MemberNumber> ms = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      ms.add(enroll());
    }
    LocalDate today = today();
    LocalDate oldPeriod = today.withDayOfMonth(1).minusMonths(2).minusDays(1);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> work = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      int seed = t;
      work.add(
          executor.submit(
              () -> {
                Random r = new Random(seed);
                go.await();
                for (int b = 0; b < 40; b++) {
                  List<PostMiles> batch = new ArrayList<>();
                  List<PostMiles> reversals = new ArrayList<>();
                  for (int k = 0; k < 10; k++) {
                    MemberNumber m = ms.get(r.nextInt(ms.size()));
                    long qm = 100 + r.nextInt(3_000);
                    String ref = ref();
                    LocalDate d = today.minusDays(r.nextInt(400));
                    batch.add(flight(m, ref, qm, r.nextBoolean() ? "1" : "0.50", d));
                    if (r.nextInt(4) == 0) {
                      reversals.add(
                          reversal(
                              m,
                              LedgerReferences.reversal(ref),
                              qm,
                              batch.get(k).qualifying().flights().toPlainString(),
                              d));
                    }
                  }
                  ledger.postBatch(batch);
                  if (!reversals.isEmpty()) {
                    ledger.postBatch(reversals);
                  }
                }
                return null;
              }));
    }
    work.add(
        executor.submit(
            () -> {
              go.await();
              Thread.sleep(300);
              return review.run(oldPeriod);
            }));
    go.countDown();
    for (Future<?> f : work) {
      f.get(300, TimeUnit.SECONDS);
    }
    String mismatches =
        "select count(*) from (select m.member_number, date_trunc('month', e.activity_date)::date mon,"
            + " sum(e.qualifying_miles) qm, sum(e.qualifying_flights) qf"
            + " from accounts.ledger_entry e join accounts.member m on m.id = e.member_id"
            + " where e.qualifying_miles <> 0 or e.qualifying_flights <> 0"
            + " group by 1, 2) l full join tiers.qualifying_month q"
            + " on q.member_number = l.member_number and q.month = l.mon"
            + " where coalesce(l.qm, 0) <> coalesce(q.qualifying_miles, 0)"
            + " or coalesce(l.qf, 0) <> coalesce(q.qualifying_flights, 0)";
    assertThat(Db.count(mismatches)).isZero();
    assertThat(
            Db.count(
                "select count(*) from (select m.member_number, sum(e.qualifying_miles) qm"
                    + " from accounts.ledger_entry e join accounts.member m on m.id = e.member_id"
                    + " group by 1) l full join tiers.qualifying_lifetime q"
                    + " on q.member_number = l.member_number"
                    + " where coalesce(l.qm, 0) <> coalesce(q.qualifying_miles, 0)"))
        .isZero();
    assertThat(Db.invariantViolations()).isEmpty();
  }

  @Test
  @RunAsClient
  void restApiShowsStatusHistoryAndTakesOverridesAndReviews() {
    Api api = new Api(url);
    String m = api.enroll("Tran");
    Api.Res status = api.get("members/" + m + "/tier");
    assertThat(status.status()).as(status.toString()).isEqualTo(200);
    assertThat(status.str("tier")).isEqualTo("MEMBER");
    assertThat(status.json().getJsonObject("next").getString("tier")).isEqualTo("TITANIUM");
    assertThat(status.json().getJsonObject("next").getJsonNumber("milesNeeded").longValue())
        .isEqualTo(15_000);

    // the approver is the token's subject, whatever name the body carries
    Api.Res granted =
        api.as("sup-2", "back-office")
            .post(
                "members/" + m + "/tier/overrides",
                """
                {"tier":"PLATINUM","reason":"status match","approver":"mallory","expiresOn":"%s"}"""
                    .formatted(today().plusMonths(3)));
    assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
    assertThat(granted.str("tier")).isEqualTo("PLATINUM");
    assertThat(
            Db.count(
                "select count(*) from tiers.tier_override where member_number = ? and approver = 'sup-2'",
                m))
        .isEqualTo(1);
    Api.Res history = api.get("members/" + m + "/tier/history");
    assertThat(history.array()).hasSize(1);
    assertThat(history.array().getJsonObject(0).getString("source")).isEqualTo("OVERRIDE");

    Api.Res bad =
        api.post("members/" + m + "/tier/overrides", "{\"tier\":\"GOLD\",\"expiresOn\":\"x\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(api.get("members/0000000000/tier").status()).isIn(400, 404);
    Api.Res notEnd = api.post("tiers/reviews", "{\"periodEnd\":\"2020-02-27\"}");
    assertThat(notEnd.status()).as(notEnd.toString()).isEqualTo(400);
    Api.Res future = api.post("tiers/reviews", "{\"periodEnd\":\"2999-12-31\"}");
    assertThat(future.status()).isEqualTo(422);
    assertThat(future.code()).isEqualTo("PERIOD_NOT_ENDED");
    assertThat(api.get("tiers/reviews/last").status()).isIn(200, 404);
    Api.Res jobs = api.post("tiers/jobs/override-expiry", null);
    assertThat(jobs.status()).as(jobs.toString()).isEqualTo(200);
  }
}
