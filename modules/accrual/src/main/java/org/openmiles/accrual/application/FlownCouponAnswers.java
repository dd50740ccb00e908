package org.openmiles.accrual.application;

import org.openmiles.accounts.api.RejectedPosting;
import org.openmiles.accrual.api.ActivityResult;
import org.openmiles.accrual.api.ActivityResult.Outcome;
import org.openmiles.accrual.api.FlownCoupon;
import org.openmiles.accrual.domain.CouponState;
import org.openmiles.accrual.domain.StoredCoupon;

/**
 * What a flown-coupon file is answered for each line (its acknowledgement): decided from the
 * coupon, what is stored of it, and what the ledger said. No I/O; {@link DefaultFlightAccrual}
 * records and posts, this class words the outcome. The codes are documented in
 * docs/file-formats.md.
 */
final class FlownCouponAnswers {
  private FlownCouponAnswers() {}

  /**
   * The answer for a coupon already stored, or null when it is a reversal of a credited coupon that
   * must be posted. A line this file sent before (an interrupted run) is answered as it was then.
   */
  static ActivityResult againstStored(long fileId, FlownCoupon c, StoredCoupon before) {
    long line = c.lineNumber();
    boolean sameLine = before.received().is(fileId, line);
    if (before.reversal().line().is(fileId, line)) { // done by an interrupted run of this file
      return new ActivityResult(line, Outcome.REVERSED, before.reversal().miles(), null, null);
    }
    if (sameLine && c.earns()) {
      return switch (before.state()) {
        case CREDITED ->
            new ActivityResult(
                line,
                Outcome.CREDITED,
                before.earned().baseMiles() + before.earned().bonusMiles(),
                null,
                null,
                before.earned().promoMiles());
        case PARKED, UNCLAIMED ->
            new ActivityResult(
                line, Outcome.PARKED, 0, "MEMBER_NOT_ENROLLED", "not credited to a member yet");
        case REVERSED -> duplicate(c, before);
      };
    }
    if (c.earns()) {
      return before.state() == CouponState.REVERSED
          ? ActivityResult.rejected(
              line,
              "COUPON_REVERSED",
              "coupon " + c.key() + " was refunded, voided or exchanged before; it cannot earn")
          : duplicate(c, before);
    }
    return switch (before.state()) {
      case CREDITED -> null;
      case REVERSED -> duplicate(c, before);
      case PARKED, UNCLAIMED ->
          new ActivityResult(line, Outcome.REVERSED, 0, null, null); // never credited
    };
  }

  static ActivityResult duplicate(FlownCoupon c, StoredCoupon before) {
    return withoutMiles(
        c,
        Outcome.DUPLICATE,
        "DUPLICATE",
        "coupon "
            + c.key()
            + " already received in file "
            + before.received().fileId()
            + " ("
            + before.state()
            + ")");
  }

  /** A new coupon that another file or a claim recorded between our read and our insert. */
  static ActivityResult recordedMeanwhile(FlownCoupon c) {
    return withoutMiles(
        c,
        Outcome.DUPLICATE,
        "DUPLICATE",
        "coupon " + c.key() + " was recorded meanwhile by another file or a claim");
  }

  /** A refund, void or exchange of a coupon never credited: recorded so it cannot earn later. */
  static ActivityResult nothingToReverse(FlownCoupon c) {
    return withoutMiles(
        c,
        Outcome.REVERSED,
        "NOTHING_TO_REVERSE",
        "no earlier credit for coupon " + c.key() + "; recorded so it cannot earn");
  }

  /** A coupon kept UNCLAIMED: no member number, or a name that is not the member's. */
  static ActivityResult unclaimed(FlownCoupon c, String reasonCode) {
    return "NAME_MISMATCH".equals(reasonCode)
        ? parked(
            c,
            "NAME_MISMATCH",
            "passenger name "
                + c.lastName()
                + " is not the name of member "
                + c.member()
                + "; kept for a missing-miles claim or an agent")
        : parked(
            c,
            "NO_MEMBER_NUMBER",
            "no member number on the coupon; a missing-miles claim can credit it");
  }

  /** A credit the ledger took: base and tier bonus, and the promotion bonus posted after it. */
  static ActivityResult credited(FlownCoupon c, long miles, long promotionMiles) {
    return new ActivityResult(c.lineNumber(), Outcome.CREDITED, miles, null, null, promotionMiles);
  }

  /** A credit for a member number not enrolled (yet): PARKED until they enroll. */
  static ActivityResult notEnrolled(FlownCoupon c) {
    return parked(
        c,
        "MEMBER_NOT_ENROLLED",
        "member " + c.member() + " is not enrolled yet; credited if they enroll in time");
  }

  private static ActivityResult parked(FlownCoupon c, String code, String reason) {
    return withoutMiles(c, Outcome.PARKED, code, reason);
  }

  private static ActivityResult withoutMiles(
      FlownCoupon c, Outcome outcome, String code, String reason) {
    return new ActivityResult(c.lineNumber(), outcome, 0, code, reason);
  }

  /** A reversal the ledger took. */
  static ActivityResult reversed(FlownCoupon c, long miles) {
    return new ActivityResult(c.lineNumber(), Outcome.REVERSED, miles, null, null);
  }

  /** A reversal the ledger refused (the member's available miles do not cover it, mostly). */
  static ActivityResult reversalRefused(FlownCoupon c, StoredCoupon stored, RejectedPosting r) {
    String code = r.code().equals("INSUFFICIENT_MILES") ? "REVERSAL_EXCEEDS_AVAILABLE" : r.code();
    return ActivityResult.rejected(
        c.lineNumber(),
        code,
        "cannot take back "
            + stored.earned().totalMiles()
            + " miles from member "
            + stored.member()
            + ": "
            + r.reason()
            + "; an agent must settle it");
  }
}
