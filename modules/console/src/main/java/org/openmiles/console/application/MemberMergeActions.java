package org.openmiles.console.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.openmiles.accounts.api.BalanceView;
import org.openmiles.accounts.api.MemberMerges;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberService;
import org.openmiles.accounts.api.MemberView;
import org.openmiles.accounts.api.MergeMembers;
import org.openmiles.accounts.api.MergeRefusedException;
import org.openmiles.accounts.api.MergeView;
import org.openmiles.accounts.api.MilesLedger;
import org.openmiles.accrual.api.ClaimStatus;
import org.openmiles.accrual.api.MissingMilesClaims;
import org.openmiles.common.tx.RetriedTransaction;
import org.openmiles.console.api.Actor;
import org.openmiles.console.api.ConsoleRole;
import org.openmiles.console.domain.AdjustmentStatus;
import org.openmiles.redemption.api.AwardService;
import org.openmiles.tiers.api.TierService;

/**
 * Merge of duplicate members, for supervisors (ADR 0019). Besides what accounts refuses itself
 * (holds, closed or merged members), the duplicate must have no work in flight that would land on a
 * closed account: an adjustment waiting for approval, a missing-miles claim still pending. The
 * merge and its two audit entries (duplicate and survivor, before and after) are one transaction.
 */
@ApplicationScoped
@RetriedTransaction // a deadlock or serialization failure runs the whole call again (ADR 0023)
public class MemberMergeActions {
  @Inject MemberMerges merges;
  @Inject MemberService members;
  @Inject MilesLedger ledger;
  @Inject TierService tiers;
  @Inject MissingMilesClaims claims;
  @Inject AwardService awards;
  @Inject Adjustments adjustments;
  @Inject AuditTrail audit;

  @Transactional(Transactional.TxType.SUPPORTS)
  public MergePreview preview(Actor actor, MemberNumber survivor, MemberNumber duplicate) {
    actor.require(ConsoleRole.SUPERVISOR, "merge members");
    MemberView s = members.get(survivor);
    MemberView d = members.get(duplicate);
    List<String> blockers = new ArrayList<>();
    merges.refusal(survivor, duplicate).ifPresent(blockers::add);
    blockers.addAll(pendingWork(duplicate));
    List<String> warnings = new ArrayList<>();
    long issued =
        awards.awards(duplicate, 100).stream().filter(a -> "ISSUED".equals(a.status())).count();
    if (issued > 0) {
      warnings.add(
          issued
              + " award(s) issued from the duplicate stay with it and can no longer be cancelled"
              + " for a redeposit once it is closed: cancel them first if the member asks");
    }
    return new MergePreview(
        s,
        read(() -> ledger.balance(survivor)),
        read(() -> tiers.status(survivor)),
        d,
        read(() -> ledger.balance(duplicate)),
        read(() -> tiers.status(duplicate)),
        blockers,
        warnings);
  }

  @Transactional
  public MergeView merge(
      Actor actor, MemberNumber survivor, MemberNumber duplicate, String reason) {
    actor.require(ConsoleRole.SUPERVISOR, "merge members");
    MemberActions.requireReason(reason);
    List<String> pending = pendingWork(duplicate);
    if (!pending.isEmpty()) {
      throw new MergeRefusedException(String.join("; ", pending));
    }
    BalanceView survivorBefore = ledger.balance(survivor);
    BalanceView duplicateBefore = ledger.balance(duplicate);
    String survivorTierBefore = tiers.status(survivor).tier();
    MemberView duplicateView = members.get(duplicate);
    MergeView merged =
        merges.merge(new MergeMembers(survivor, duplicate, reason, actor.username()));
    if (merged.replayed()) {
      return merged;
    }
    BalanceView survivorAfter = ledger.balance(survivor);
    String survivorTierAfter = tiers.status(survivor).tier();
    audit.record(
        actor,
        "MEMBER_MERGED_AWAY",
        duplicate.value(),
        "member " + duplicate,
        duplicateView.status() + ", balance " + duplicateBefore.balance(),
        "CLOSED, merged into " + survivor + ", " + merged.milesMoved() + " miles moved",
        reason);
    audit.record(
        actor,
        "MEMBER_MERGED",
        survivor.value(),
        "duplicate " + duplicate,
        "balance " + survivorBefore.balance() + ", tier " + survivorTierBefore,
        "balance " + survivorAfter.balance() + ", tier " + survivorTierAfter,
        reason);
    return merged;
  }

  private List<String> pendingWork(MemberNumber duplicate) {
    List<String> out = new ArrayList<>();
    long waiting =
        adjustments.ofMember(duplicate, 200).stream()
            .filter(a -> a.status() == AdjustmentStatus.PENDING)
            .count();
    if (waiting > 0) {
      out.add(
          "the duplicate has "
              + waiting
              + " adjustment(s) waiting for approval: approve or reject them first");
    }
    long open =
        claims.ofMember(duplicate, 200).stream()
            .filter(
                c -> c.status() == ClaimStatus.PENDING || c.status() == ClaimStatus.PENDING_REVIEW)
            .count();
    if (open > 0) {
      out.add(
          "the duplicate has "
              + open
              + " missing-miles claim(s) still open: decide them (Claims review) or wait for the"
              + " airline's flown data");
    }
    return out;
  }

  private static <T> T read(java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
