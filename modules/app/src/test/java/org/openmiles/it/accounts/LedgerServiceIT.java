package org.openmiles.it.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openmiles.accounts.api.BatchResult;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.InsufficientMilesException;
import org.openmiles.accounts.api.MemberNotFoundException;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberService;
import org.openmiles.accounts.api.MilesLedger;
import org.openmiles.accounts.api.PostMiles;
import org.openmiles.accounts.api.SourceReferenceConflictException;
import org.openmiles.accounts.api.events.MilesPosted;
import org.openmiles.app.jobs.ClusterLock;
import org.openmiles.app.jobs.RedemptionScheduler;
import org.openmiles.app.jobs.TiersScheduler;
import org.openmiles.cashmiles.api.AuthorizePayment;
import org.openmiles.cashmiles.api.CashMilesPayments;
import org.openmiles.cashmiles.api.ClientId;
import org.openmiles.cashmiles.api.RefundReason;
import org.openmiles.cashmiles.api.RequestQuote;
import org.openmiles.cashmiles.api.events.CashMilesAuthorized;
import org.openmiles.cashmiles.api.events.CashMilesCaptured;
import org.openmiles.cashmiles.api.events.CashMilesRefunded;
import org.openmiles.cashmiles.api.events.CashMilesVoided;
import org.openmiles.common.Money;
import org.openmiles.it.support.Db;
import org.openmiles.it.support.Deployments;
import org.openmiles.it.support.Enrollments;
import org.openmiles.it.support.EventRecorder;
import org.openmiles.redemption.api.AlreadyCancelledException;
import org.openmiles.redemption.api.AwardService;
import org.openmiles.redemption.api.AwardView;
import org.openmiles.redemption.api.RedeemAward;
import org.openmiles.redemption.api.events.AwardCancelled;
import org.openmiles.redemption.api.events.AwardRedeemed;
import org.openmiles.tiers.api.GrantTierOverride;
import org.openmiles.tiers.api.TierService;

/**
 * The published accounts services as another module calls them, inside the server: bulk posting and
 * the events it publishes (one per committed batch, never for replays or refusals), and the
 * exceptions a single posting refuses with.
 */
@ExtendWith(ArquillianExtension.class)
class LedgerServiceIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.openmilesWithTests();
  }

  @Inject MemberService members;
  @Inject MilesLedger ledger;
  @Inject EventRecorder events;
  @Inject ClusterLock clusterLock;
  @Inject CashMilesPayments cashMiles;
  @Inject AwardService awards;

  @Resource ManagedExecutorService executor;
  @Inject RetriedWork retriedWork;
  @Inject TiersScheduler tiersScheduler;
  @Inject RedemptionScheduler redemptionScheduler;
  @Inject TierService tiers;

  @BeforeEach
  void reset() {
    events.clear();
  }

  private MemberNumber enroll() {
    return Enrollments.enroll(members, "Svc");
  }

  @Test
  void aBatchIsOneTransactionAndOneEventCarryingOnlyWhatWasPosted() {
    MemberNumber a = enroll();
    MemberNumber b = enroll();
    String run = UUID.randomUUID().toString();
    List<PostMiles> batch = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      batch.add(
          PostMiles.credit(
              i % 2 == 0 ? a : b,
              10 + i,
              "svc-" + run + "-" + i,
              LocalDate.of(2026, 3, 1),
              "bulk"));
    }
    batch.add(
        PostMiles.credit(
            MemberNumber.fromSequence(999_999_999L),
            5,
            "svc-" + run + "-unknown",
            LocalDate.of(2026, 3, 1),
            ""));
    BatchResult first = ledger.postBatch(batch);
    assertThat(first.posted()).hasSize(2_000);
    assertThat(first.rejected())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.index()).isEqualTo(2_000);
              assertThat(r.code()).isEqualTo("MEMBER_NOT_FOUND");
            });
    assertThat(events.milesPosted()).as("one event for the whole batch").hasSize(1);
    MilesPosted event = events.milesPosted().get(0);
    assertThat(event.entries()).hasSize(2_000);
    assertThat(event.entries()).allMatch(e -> e.type() == EntryType.CREDIT);
    long toA =
        event.entries().stream()
            .filter(e -> e.member().equals(a))
            .mapToLong(MilesPosted.Entry::miles)
            .sum();
    assertThat(ledger.balance(a).balance()).isEqualTo(toA);

    events.clear();
    BatchResult again = ledger.postBatch(batch);
    assertThat(again.posted()).isEmpty();
    assertThat(again.replayed()).hasSize(2_000);
    assertThat(events.milesPosted()).as("replays publish nothing").isEmpty();
    assertThat(ledger.balance(a).balance()).isEqualTo(toA);
  }

  @Test
  void aSinglePostingRefusesWithTheRuleItBreaksAndLeavesNoTrace() {
    MemberNumber m = enroll();
    ledger.post(PostMiles.credit(m, 1_000, "svc-one-" + m, LocalDate.now(), "credit"));
    assertThatThrownBy(
            () ->
                ledger.post(PostMiles.debit(m, 1_001, "svc-two-" + m, LocalDate.now(), "too much")))
        .isInstanceOf(InsufficientMilesException.class)
        .hasMessageContaining("1000 miles available");
    assertThatThrownBy(
            () -> ledger.post(PostMiles.credit(m, 5, "svc-one-" + m, LocalDate.now(), "other")))
        .isInstanceOf(SourceReferenceConflictException.class);
    assertThatThrownBy(
            () ->
                ledger.post(
                    PostMiles.credit(
                        MemberNumber.fromSequence(999_999_998L),
                        5,
                        "svc-x-" + m,
                        LocalDate.now(),
                        "")))
        .isInstanceOf(MemberNotFoundException.class);
    assertThat(ledger.balance(m).balance()).isEqualTo(1_000);
    assertThat(events.milesPosted()).hasSize(1);
    assertThat(events.enrolled()).extracting(e -> e.member()).contains(m);
  }

  @Test
  void aScheduledJobRunsOnOneNodeAtATime() throws Exception {
    String job = "it-job-" + UUID.randomUUID();
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    // the first "node" holds the job's lock on its own database session
    Future<Boolean> first =
        executor.submit(
            () ->
                clusterLock.runExclusively(
                    job,
                    () -> {
                      inside.countDown();
                      try {
                        finish.await(30, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }));
    assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
    boolean[] ran = new boolean[1];
    assertThat(clusterLock.runExclusively(job, () -> ran[0] = true))
        .as("second node skips")
        .isFalse();
    assertThat(ran[0]).isFalse();
    assertThat(clusterLock.runExclusively(job + "-other", () -> ran[0] = true))
        .as("other jobs run")
        .isTrue();
    finish.countDown();
    assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
    ran[0] = false;
    assertThat(clusterLock.runExclusively(job, () -> ran[0] = true)).as("free again").isTrue();
    assertThat(ran[0]).isTrue();
  }

  /**
   * ADR 0023: a retried service's transaction aborted with 40P01 runs again as a new transaction
   * (the retry sits outside the container's {@code @Transactional}), and the aborted attempt's
   * write is gone.
   */
  @Test
  void aDeadlockedTransactionRunsAgainAsANewOneAndOnlyTheLastAttemptCommits() {
    Db.update("create table if not exists public.it_retried_work (marker text)");
    String marker = "retry-" + UUID.randomUUID();
    retriedWork.writeThenFailOnce(marker);
    assertThat(retriedWork.transactions()).hasSize(2).doesNotHaveDuplicates().doesNotContainNull();
    assertThat(Db.count("select count(*) from public.it_retried_work where marker = ?", marker))
        .isEqualTo(1);
  }

  @Test
  void cashAndMilesEventsReachAfterCommitObserversOnlyForWhatCommitted() {
    MemberNumber m = enroll();
    ledger.post(PostMiles.credit(m, 10_000, "svc-cm-" + m, LocalDate.now(), "seed"));
    ClientId client = new ClientId("svc-engine-" + UUID.randomUUID());
    String token =
        cashMiles
            .quote(
                new RequestQuote(
                    client, m, Money.of("250.00", "USD"), Money.of("45.50", "USD"), 1, 1))
            .quoteToken();
    long paid = cashMiles.authorize(new AuthorizePayment(client, token, 3_000, "PNR1")).paymentId();
    long voided =
        cashMiles.authorize(new AuthorizePayment(client, token, 3_000, "PNR2")).paymentId();
    assertThatThrownBy(
            () -> cashMiles.authorize(new AuthorizePayment(client, token, 5_000, "PNR3")))
        .isInstanceOf(InsufficientMilesException.class);
    cashMiles.capture(client, paid, List.of("7381234567890"));
    cashMiles.voidPayment(client, voided);
    cashMiles.refund(client, paid, 1_000L, RefundReason.INVOLUNTARY);

    List<Object> seen = events.cashMiles();
    assertThat(seen).hasSize(5);
    assertThat(seen.get(0)).isInstanceOf(CashMilesAuthorized.class);
    assertThat(((CashMilesAuthorized) seen.get(0)).paymentId()).isEqualTo(paid);
    assertThat(((CashMilesAuthorized) seen.get(1)).paymentId()).isEqualTo(voided);
    assertThat(((CashMilesCaptured) seen.get(2)).miles()).isEqualTo(3_000);
    assertThat(((CashMilesVoided) seen.get(3)).paymentId()).isEqualTo(voided);
    CashMilesRefunded refund = (CashMilesRefunded) seen.get(4);
    assertThat(refund.paymentId()).isEqualTo(paid);
    assertThat(refund.milesRedeposited()).isEqualTo(1_000);
    assertThat(refund.member()).isEqualTo(m);
    // 10,000 - 3,000 captured + 1,000 redeposited; the voided hold is released
    assertThat(ledger.balance(m).balance()).isEqualTo(8_000);
    assertThat(ledger.balance(m).available()).isEqualTo(8_000);
  }

  @Test
  void awardEventsReachAfterCommitObserversOncePerRedemptionAndCancellation() {
    MemberNumber m = enroll();
    ledger.post(PostMiles.credit(m, 50_000, "svc-aw-" + m, LocalDate.now(), "seed"));
    var voucher = awards.partnerAwards().get(0);
    RedeemAward redeem =
        new RedeemAward(m, "svc-" + UUID.randomUUID(), null, null, voucher.code(), null);
    AwardView award = awards.redeem(redeem);
    awards.redeem(redeem); // a retry is the same award: no second debit, no second event
    awards.cancel(award.reference());
    assertThatThrownBy(() -> awards.cancel(award.reference()))
        .isInstanceOf(AlreadyCancelledException.class);

    List<Object> seen = events.awards();
    assertThat(seen).hasSize(2);
    AwardRedeemed redeemed = (AwardRedeemed) seen.get(0);
    assertThat(redeemed.awardReference()).isEqualTo(award.reference());
    assertThat(redeemed.miles()).isEqualTo(voucher.miles());
    AwardCancelled cancelled = (AwardCancelled) seen.get(1);
    assertThat(cancelled.awardReference()).isEqualTo(award.reference());
    assertThat(cancelled.redepositedMiles() + cancelled.feeMiles()).isEqualTo(voucher.miles());
    assertThat(ledger.balance(m).balance()).isEqualTo(50_000 - cancelled.feeMiles());
  }

  /**
   * Issue 16 / ADR 0023: a scheduled job's unit of work is one transaction when the EJB timer runs
   * it. The job is called as the timer calls it, through the scheduler EJB (NOT_SUPPORTED); its
   * second statement fails (a trigger), and nothing of its first statement may stay. Run statement
   * by statement, the override was ended without its history, and the next day's run found nothing
   * left to end.
   */
  @Test
  void theScheduledOverrideExpiryCommitsWholeOrNotAtAll() {
    MemberNumber m = enroll();
    // an override's last day is a day in the airline's time (openmiles.tiers.zone): from 17:00 UTC
    // on, it is already tomorrow in Saigon, and today in UTC would be refused as the past
    LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
    tiers.grantOverride(m, new GrantTierOverride("GOLD", "status match", "sup-1", today));
    Db.update(
        "update tiers.member_tier set override_since = current_date - 10,"
            + " override_until = current_date - 3 where member_number = ?",
        m.value());
    whileInsertsFail("tiers.tier_history", m, tiersScheduler::endExpiredOverrides);
    assertThat(overrideUntil(m)).as("the failed run ended nothing").isNotNull();
    tiersScheduler.endExpiredOverrides();
    assertThat(overrideUntil(m)).as("the next run ended it").isNull();
    assertThat(
            Db.count(
                "select count(*) from tiers.tier_history where member_number = ?"
                    + " and source = 'OVERRIDE_ENDED'",
                m.value()))
        .isEqualTo(1);
  }

  /**
   * The daily expiry notices, as the timer runs them: a failure in a later window rolls back the
   * notices recorded for an earlier one, so that none is marked as sent without its event (a member
   * recorded as told is never told again).
   */
  @Test
  void theScheduledExpiryNoticesAreRecordedWholeOrNotAtAll() {
    LocalDate today = LocalDate.now();
    MemberNumber soon = enroll(); // expires at the end of this month: the 30-day window
    MemberNumber later = enroll(); // at the end of next month: a later window
    ledger.post(PostMiles.credit(soon, 700, "svc-exp-" + soon, today.minusMonths(36), "old"));
    ledger.post(PostMiles.credit(later, 700, "svc-exp-" + later, today.minusMonths(35), "old"));
    whileInsertsFail("redemption.expiry_notice", later, redemptionScheduler::sendExpiryNotices);
    assertThat(notices(soon)).as("rolled back with the failed window").isZero();
    redemptionScheduler.sendExpiryNotices();
    assertThat(notices(soon)).isEqualTo(1);
    assertThat(notices(later)).isEqualTo(1);
  }

  private static long notices(MemberNumber m) {
    return Db.count(
        "select count(*) from redemption.expiry_notice where member_number = ?", m.value());
  }

  private static String overrideUntil(MemberNumber m) {
    return Db.text(
        "select override_until::text from tiers.member_tier where member_number = ?", m.value());
  }

  /**
   * Runs {@code job} while a trigger refuses inserts into {@code table} for {@code member} (a
   * failure in the middle of the job's unit of work); the job logs the failure and returns.
   */
  private static void whileInsertsFail(String table, MemberNumber member, Runnable job) {
    Db.update(
        "create or replace function public.it_fail_insert() returns trigger language plpgsql as $$"
            + " begin if new.member_number = '"
            + member.value()
            + "' then raise exception 'simulated failure'; end if; return new; end $$");
    Db.update(
        "create trigger it_fail_insert before insert on "
            + table
            + " for each row execute function public.it_fail_insert()");
    try {
      job.run();
    } finally {
      Db.update("drop trigger if exists it_fail_insert on " + table);
    }
  }
}
