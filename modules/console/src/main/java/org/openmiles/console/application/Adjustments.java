package org.openmiles.console.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberService;
import org.openmiles.accounts.api.MilesLedger;
import org.openmiles.accounts.api.PostMiles;
import org.openmiles.accounts.api.PostingResult;
import org.openmiles.accounts.api.SourceReference;
import org.openmiles.common.ValidationException;
import org.openmiles.common.tx.RetriedTransaction;
import org.openmiles.console.api.Actor;
import org.openmiles.console.api.AdjustmentNotPendingException;
import org.openmiles.console.api.ConsoleRole;
import org.openmiles.console.api.SelfApprovalException;
import org.openmiles.console.domain.AdjustmentRepository;
import org.openmiles.console.domain.AdjustmentStatus;
import org.openmiles.console.domain.AdjustmentView;

/**
 * Goodwill adjustments. An agent's adjustment up to {@code
 * openmiles.console.adjustment.agent-limit} miles (either way) is posted at once; a larger one
 * waits for a supervisor, who approves it (it is posted then) or rejects it. A supervisor's own
 * adjustments are posted at once. The ledger entry's source reference is {@code console-adj:<id>},
 * so however often an approval is retried the miles move once; the row lock on the adjustment makes
 * the second approval see it decided.
 */
@ApplicationScoped
@RetriedTransaction // a deadlock or serialization failure runs the whole call again (ADR 0023)
public class Adjustments {
  @Inject AdjustmentRepository repository;
  @Inject MilesLedger ledger;
  @Inject MemberService members;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "openmiles.console.adjustment.agent-limit", defaultValue = "5000")
  long agentLimit;

  public long agentLimit() {
    return agentLimit;
  }

  /** Posts the adjustment or queues it for a supervisor, and audits either. */
  @Transactional
  public AdjustmentView request(Actor actor, MemberNumber member, long miles, String reason) {
    actor.require(ConsoleRole.AGENT, "adjust miles");
    String why = reason == null ? "" : reason.strip();
    if (why.length() < 5 || why.length() > 200) {
      throw ValidationException.of("reason", "give a reason of 5 to 200 characters");
    }
    if (miles == 0) {
      throw ValidationException.of("miles", "must not be zero");
    }
    members.get(member); // refuses an unknown member before anything is written
    Instant now = clock.instant();
    boolean withinLimit = actor.has(ConsoleRole.SUPERVISOR) || Math.abs(miles) <= agentLimit;
    AdjustmentStatus status = withinLimit ? AdjustmentStatus.POSTED : AdjustmentStatus.PENDING;
    long id = repository.insert(member.value(), miles, why, status, actor.username(), now);
    if (withinLimit) {
      PostingResult posted = post(id, member, miles, why, actor.username(), now);
      repository.decide(id, AdjustmentStatus.POSTED, actor.username(), now, null, posted.entryId());
      audit.record(
          actor,
          "ADJUSTMENT_POSTED",
          member.value(),
          "adjustment " + id,
          "balance " + (posted.balanceAfter() - miles),
          "balance " + posted.balanceAfter() + " (" + signed(miles) + ")",
          why);
    } else {
      audit.record(
          actor,
          "ADJUSTMENT_REQUESTED",
          member.value(),
          "adjustment " + id,
          null,
          signed(miles) + " miles waiting for a supervisor (limit " + agentLimit + ")",
          why);
    }
    return repository.lock(id).orElseThrow();
  }

  /** A supervisor approves a pending adjustment: it is posted now. */
  @Transactional
  public AdjustmentView approve(Actor actor, long id, String note) {
    actor.require(ConsoleRole.SUPERVISOR, "approve adjustments");
    AdjustmentView a = pendingForDecision(actor, id);
    Instant now = clock.instant();
    MemberNumber member = new MemberNumber(a.member());
    PostingResult posted = post(id, member, a.miles(), a.reason(), a.requestedBy(), now);
    repository.decide(id, AdjustmentStatus.APPROVED, actor.username(), now, note, posted.entryId());
    audit.record(
        actor,
        "ADJUSTMENT_APPROVED",
        a.member(),
        "adjustment " + id + " by " + a.requestedBy(),
        "pending " + signed(a.miles()) + " miles",
        "posted, balance " + posted.balanceAfter(),
        note == null || note.isBlank() ? a.reason() : note);
    return repository.lock(id).orElseThrow();
  }

  /** A supervisor rejects a pending adjustment with a reason; nothing is posted. */
  @Transactional
  public AdjustmentView reject(Actor actor, long id, String note) {
    actor.require(ConsoleRole.SUPERVISOR, "reject adjustments");
    if (note == null || note.isBlank()) {
      throw ValidationException.of("note", "say why the adjustment is rejected");
    }
    AdjustmentView a = pendingForDecision(actor, id);
    repository.decide(id, AdjustmentStatus.REJECTED, actor.username(), clock.instant(), note, null);
    audit.record(
        actor,
        "ADJUSTMENT_REJECTED",
        a.member(),
        "adjustment " + id + " by " + a.requestedBy(),
        "pending " + signed(a.miles()) + " miles",
        "rejected",
        note);
    return repository.lock(id).orElseThrow();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<AdjustmentView> pending(int limit) {
    return repository.pending(limit);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public long countPending() {
    return repository.countPending();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<AdjustmentView> ofMember(MemberNumber member, int limit) {
    return repository.ofMember(member.value(), limit);
  }

  private AdjustmentView pendingForDecision(Actor actor, long id) {
    AdjustmentView a =
        repository.lock(id).orElseThrow(() -> new AdjustmentNotPendingException(id, "unknown"));
    if (a.status() != AdjustmentStatus.PENDING) {
      throw new AdjustmentNotPendingException(id, a.status().name());
    }
    if (a.requestedBy().equals(actor.username())) {
      throw new SelfApprovalException(id);
    }
    return a;
  }

  private PostingResult post(
      long id, MemberNumber member, long miles, String reason, String agent, Instant now) {
    String description = "Goodwill (" + agent + "): " + reason;
    return ledger.post(
        new PostMiles(
            member,
            EntryType.ADJUSTMENT,
            miles,
            SourceReference.of(AdjustmentView.sourceReference(id)),
            LocalDate.ofInstant(now, ZoneOffset.UTC),
            description.length() > PostMiles.MAX_DESCRIPTION
                ? description.substring(0, PostMiles.MAX_DESCRIPTION)
                : description));
  }

  private static String signed(long miles) {
    return (miles > 0 ? "+" : "") + miles;
  }
}
