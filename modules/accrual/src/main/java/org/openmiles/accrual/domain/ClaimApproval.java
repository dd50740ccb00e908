package org.openmiles.accrual.domain;

import java.time.LocalDate;

/**
 * What an agent's approval of a claim does with the coupon the airline sent for it: refuse (the
 * claim stays as it is, and {@code code} and {@code text} tell the agent why and what to do), close
 * the claim as credited by the file already, or credit the coupon to the claimant. A refusal is an
 * outcome, not an exception, so the rule can be read and tested without the service around it.
 *
 * <p>Pure: the caller reads the coupon (locked) and passes it in; without a coupon the claim is
 * credited from its own flight data, which is not decided here.
 */
public record ClaimApproval(Outcome outcome, String code, String text) {

  /** The three things an approval can come to. */
  public enum Outcome {
    /** The coupon cannot be credited to the claimant: the approval is refused. */
    REFUSED,
    /** A file credited the coupon to the claimant already: the claim closes, nothing is posted. */
    FOUND_CREDITED,
    /** The coupon (unclaimed, or parked for a number the agent found wrong) is credited now. */
    CREDIT
  }

  /** The reason text of an approved claim. */
  private static final String APPROVED = "credited by an agent";

  /** Decides the approval of {@code claimant}'s claim for flight {@code flightNumber} on a date. */
  public static ClaimApproval of(
      String claimant, String flightNumber, LocalDate flightDate, CouponEvidence coupon) {
    String key = coupon.key();
    if (!coupon.isFlight(flightNumber, flightDate)) {
      return refused(
          "FLIGHT_MISMATCH",
          "coupon "
              + key
              + " is flight "
              + coupon.flight()
              + ": reject this claim; the member can file one with the right coupon");
    }
    return switch (coupon.state()) {
      case REVERSED ->
          refused(
              "COUPON_REVERSED",
              "coupon " + key + " was refunded, voided or exchanged: it cannot earn");
      case CREDITED ->
          claimant.equals(coupon.member())
              ? new ClaimApproval(Outcome.FOUND_CREDITED, "MATCHED_BY_FILE", APPROVED)
              : refused(
                  "COUPON_CREDITED_TO_OTHER_MEMBER",
                  "coupon "
                      + key
                      + " is credited to member "
                      + coupon.member()
                      + ": reject this claim, or correct the other member's credit first");
      case PARKED, UNCLAIMED -> new ClaimApproval(Outcome.CREDIT, "APPROVED", APPROVED);
    };
  }

  private static ClaimApproval refused(String code, String text) {
    return new ClaimApproval(Outcome.REFUSED, code, text);
  }
}
