package org.openmiles.accrual.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openmiles.accounts.api.BatchResult;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MilesLedger;
import org.openmiles.accounts.api.PostMiles;
import org.openmiles.accounts.api.RejectedPosting;
import org.openmiles.accounts.api.SourceReference;
import org.openmiles.accrual.api.ActivityResult;
import org.openmiles.accrual.api.ActivityResult.Outcome;
import org.openmiles.accrual.api.PartnerActivity;
import org.openmiles.accrual.domain.ActivityFacts;
import org.openmiles.accrual.domain.ActivityReversal;
import org.openmiles.accrual.domain.ActivityStatus;
import org.openmiles.accrual.domain.OriginalActivity;
import org.openmiles.accrual.domain.PartnerActivityRepository;
import org.openmiles.common.text.Texts;

/**
 * Partner reversals ({@code R} records of version 2 files, ADR 0021), inside the chunk transaction
 * of {@link DefaultPartnerAccrual} ({@code MANDATORY}): the records they name are locked, each
 * CREDITED record gets one {@code REVERSAL} ledger entry {@code P:<partner>:<tx>:R} taking back its
 * base miles and the promotion bonus miles it earned, and becomes REVERSED; a PARKED record becomes
 * CANCELLED and is never credited. Exactly once: a record is reversed by one file line; that line,
 * run again after an interruption, answers as before; any other line naming it is a duplicate; and
 * the ledger reference would replay rather than post twice anyway.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PartnerReversals {

  @Inject PartnerActivityRepository repository;
  @Inject MilesLedger ledger;
  @Inject PromotionBonuses promotions;
  @Inject Clock clock;

  /** A reversal to post: the index of its line in the chunk, the record, its bonus miles. */
  private record Take(int index, OriginalActivity original, long bonus) {
    long total() {
      return original.miles() + bonus;
    }
  }

  /** Reverses the records {@code reversals} name (all of one partner); one result per line. */
  public List<ActivityResult> reverse(long fileId, List<PartnerActivity> reversals) {
    if (reversals.isEmpty()) {
      return List.of();
    }
    String partner = reversals.get(0).partnerCode();
    Map<String, OriginalActivity> originals =
        repository.lockForReversal(
            partner, reversals.stream().map(PartnerActivity::partnerTxId).toList());
    ActivityResult[] results = new ActivityResult[reversals.size()];
    List<ActivityReversal> done = new ArrayList<>();
    List<Integer> toPost = new ArrayList<>();
    for (int i = 0; i < reversals.size(); i++) {
      PartnerActivity a = reversals.get(i);
      OriginalActivity o = originals.get(a.partnerTxId());
      results[i] = againstOriginal(fileId, a, o);
      if (results[i] != null) {
        continue;
      }
      if (o.status() == ActivityStatus.PARKED) {
        done.add(
            new ActivityReversal(
                a.partnerTxId(), ActivityStatus.CANCELLED, 0, 0, fileId, a.lineNumber()));
        results[i] = new ActivityResult(a.lineNumber(), Outcome.REVERSED, 0, null, null);
      } else {
        toPost.add(i);
      }
    }
    Map<String, java.time.LocalDate> earnings = new HashMap<>();
    for (int i : toPost) {
      PartnerActivity a = reversals.get(i);
      earnings.put(a.ledgerReference(), originals.get(a.partnerTxId()).facts().activityDate());
    }
    Map<String, Long> bonuses = promotions.awardedOn(earnings);
    List<Take> takes = new ArrayList<>(toPost.size());
    List<PostMiles> postings = new ArrayList<>(toPost.size());
    for (int i : toPost) {
      PartnerActivity a = reversals.get(i);
      Take t =
          new Take(
              i, originals.get(a.partnerTxId()), bonuses.getOrDefault(a.ledgerReference(), 0L));
      takes.add(t);
      postings.add(posting(a, t));
    }
    BatchResult batch = postings.isEmpty() ? null : ledger.postBatch(postings);
    Map<Integer, RejectedPosting> refused = new HashMap<>();
    if (batch != null) {
      batch.rejected().forEach(r -> refused.put(r.index(), r));
    }
    for (int k = 0; k < takes.size(); k++) {
      Take t = takes.get(k);
      PartnerActivity a = reversals.get(t.index());
      RejectedPosting r = refused.get(k);
      if (r == null) {
        done.add(
            new ActivityReversal(
                a.partnerTxId(),
                ActivityStatus.REVERSED,
                t.original().miles(),
                t.bonus(),
                fileId,
                a.lineNumber()));
        results[t.index()] =
            new ActivityResult(a.lineNumber(), Outcome.REVERSED, t.original().miles(), null, null);
      } else {
        // refused: the record stays CREDITED, for an agent; a later file may send the reversal
        // again
        String code =
            r.code().equals("INSUFFICIENT_MILES") ? "REVERSAL_EXCEEDS_AVAILABLE" : r.code();
        results[t.index()] =
            ActivityResult.rejected(
                a.lineNumber(),
                code,
                "cannot take back "
                    + t.total()
                    + " miles ("
                    + t.original().miles()
                    + " + "
                    + t.bonus()
                    + " promotion bonus) from member "
                    + t.original().facts().member()
                    + ": "
                    + r.reason()
                    + "; the record stays credited and an agent must settle it");
      }
    }
    repository.markReversed(partner, done, clock.instant());
    return List.of(results);
  }

  /**
   * The answer for a reversal line that needs no posting, or null when it cancels a parked record
   * or takes back a credited one.
   */
  static ActivityResult againstOriginal(long fileId, PartnerActivity a, OriginalActivity o) {
    long line = a.lineNumber();
    if (o == null || o.status() == ActivityStatus.REJECTED) {
      return ActivityResult.rejected(
          line,
          "ORIGINAL_NOT_FOUND",
          "no record with transaction id "
              + a.partnerTxId()
              + " was received from "
              + a.partnerCode()
              + " (or it was rejected): there is nothing to take back; check the transaction id");
    }
    if (o.reversal().line().is(fileId, line)) {
      // this line, done by an interrupted run of this file: the same answer as then
      return new ActivityResult(line, Outcome.REVERSED, o.reversal().miles(), null, null);
    }
    if (o.received().fileId() == fileId) {
      return ActivityResult.rejected(
          line,
          "DUPLICATE_IN_FILE",
          "transaction "
              + a.partnerTxId()
              + " is on line "
              + o.received().lineNo()
              + " of this file: a file carries a record or its reversal, not both; send the"
              + " reversal in a later file");
    }
    if (o.status().takenBack()) {
      return new ActivityResult(
          line,
          Outcome.DUPLICATE,
          0,
          "DUPLICATE",
          "transaction "
              + a.partnerTxId()
              + " was already reversed (file "
              + o.reversal().line().fileId()
              + ", line "
              + o.reversal().line().lineNo()
              + ")");
    }
    String mismatch = mismatch(a, o);
    if (mismatch != null) {
      return ActivityResult.rejected(
          line,
          "REVERSAL_MISMATCH",
          "a reversal repeats the record it takes back (whole records only): " + mismatch);
    }
    return null;
  }

  /** Which field of the reversal differs from the record it names, or null. */
  static String mismatch(PartnerActivity a, OriginalActivity o) {
    ActivityFacts f = o.facts();
    if (!a.member().value().equals(f.member())) {
      return "member number " + a.member() + " is not the record's " + f.member();
    }
    if (!a.activityDate().equals(f.activityDate())) {
      return "activity date " + a.activityDate() + " is not the record's " + f.activityDate();
    }
    if (!a.amount().basis().name().equals(f.basis())) {
      return "basis " + a.amount().basis() + " is not the record's " + f.basis();
    }
    if (a.amount().quantity().compareTo(f.quantity()) != 0) {
      return "quantity "
          + a.amount().quantity().toPlainString()
          + " is not the record's "
          + f.quantity().stripTrailingZeros().toPlainString();
    }
    if (!Objects.equals(
        a.amount().currency(), f.currency() == null ? null : f.currency().strip())) {
      return "currency " + a.amount().currency() + " is not the record's " + f.currency();
    }
    return null;
  }

  /** One entry taking back the record's base miles and its promotion bonus. */
  private static PostMiles posting(PartnerActivity a, Take t) {
    String d =
        a.partnerCode()
            + " reversal of "
            + a.partnerTxId()
            + (a.description().isEmpty() ? "" : ": " + a.description());
    return new PostMiles(
        new MemberNumber(t.original().facts().member()),
        EntryType.REVERSAL,
        -t.total(),
        SourceReference.of(a.reversalReference()),
        t.original().facts().activityDate(),
        Texts.truncate(d, PostMiles.MAX_DESCRIPTION));
  }
}
