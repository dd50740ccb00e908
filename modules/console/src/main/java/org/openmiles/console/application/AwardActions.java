package org.openmiles.console.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.openmiles.common.tx.RetriedTransaction;
import org.openmiles.console.api.Actor;
import org.openmiles.console.api.ConsoleRole;
import org.openmiles.redemption.api.AwardService;
import org.openmiles.redemption.api.AwardView;
import org.openmiles.redemption.api.CancellationQuote;
import org.openmiles.redemption.api.RedeemAward;

/**
 * Award booking and cancellation from the console: the same {@link AwardService} calls as the REST
 * API, each in one transaction with its audit entry. A booking carries the console's idempotency
 * key, so a double click or a resubmitted form books once (and is audited once).
 */
@ApplicationScoped
@RetriedTransaction // a deadlock or serialization failure runs the whole call again (ADR 0023)
public class AwardActions {
  @Inject AwardService awards;
  @Inject AuditTrail audit;

  @Transactional
  public AwardView book(Actor actor, RedeemAward award) {
    actor.require(ConsoleRole.AGENT, "book awards");
    AwardView v = awards.redeem(award);
    if (!v.replayed()) {
      audit.record(
          actor,
          "AWARD_BOOKED",
          v.member().value(),
          "award " + v.reference(),
          null,
          v.status()
              + ", "
              + v.miles()
              + " miles, "
              + v.description()
              + (v.passengerName() == null || v.passengerName().isBlank()
                  ? ""
                  : ", passenger " + v.passengerKind() + " " + v.passengerName()),
          "booked for the member by phone");
    }
    return v;
  }

  /** What a cancellation would cost and give back, shown before the agent confirms it. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public CancellationQuote cancellation(Actor actor, String reference) {
    actor.require(ConsoleRole.AGENT, "cancel awards");
    return awards.cancellation(reference);
  }

  @Transactional
  public AwardView cancel(Actor actor, String reference, String reason) {
    actor.require(ConsoleRole.AGENT, "cancel awards");
    MemberActions.requireReason(reason);
    AwardView before = awards.award(reference);
    AwardView after = awards.cancel(reference);
    audit.record(
        actor,
        "AWARD_CANCELLED",
        after.member().value(),
        "award " + reference,
        before.status() + ", " + before.miles() + " miles",
        after.status()
            + ", fee "
            + after.cancelFeeMiles()
            + " miles, "
            + after.redepositedMiles()
            + " miles redeposited",
        reason.strip());
    return after;
  }
}
