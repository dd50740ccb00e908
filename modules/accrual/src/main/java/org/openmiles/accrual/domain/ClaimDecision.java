package org.openmiles.accrual.domain;

import java.time.LocalDate;
import org.openmiles.accrual.api.ClaimStatus;

/**
 * What matching a missing-miles claim against the airline's coupon decides: the claim's new status
 * and reason, and whether the coupon's miles are to be posted to the claimant ({@code
 * postsCredit}). A claim filed, or one a flown-coupon file brings the coupon for, is decided here;
 * the caller counts the miles (tier bonus) and posts them.
 *
 * <p>Pure: the caller reads the coupon and the member's last name, and passes them in.
 */
public record ClaimDecision(
    ClaimStatus status, String reasonCode, String reasonText, boolean postsCredit) {

  /**
   * Decides the claim of {@code claimant} for flight {@code flightNumber} on {@code flightDate}.
   *
   * @param coupon the coupon the airline sent for it; null: none yet, the claim waits for a file
   * @param memberLastName the claimant's last name, compared with the passenger's on the coupon
   * @param takenBy the member an earlier claim credited the coupon to in the same run, if any (null
   *     otherwise): the coupon counts as credited to them, whatever its stored state
   */
  public static ClaimDecision match(
      String claimant,
      String flightNumber,
      LocalDate flightDate,
      CouponEvidence coupon,
      String memberLastName,
      String takenBy) {
    if (coupon == null) {
      return waits(
          ClaimStatus.PENDING,
          "NO_FLOWN_DATA",
          "no flown data for this coupon yet: matched when the airline sends it");
    }
    String key = coupon.key();
    if (!coupon.isFlight(flightNumber, flightDate)) {
      return waits(
          ClaimStatus.PENDING_REVIEW,
          "FLIGHT_MISMATCH",
          "coupon " + key + " is flight " + coupon.flight() + ", not the flight claimed");
    }
    CouponState state = takenBy != null ? CouponState.CREDITED : coupon.state();
    String owner = takenBy != null ? takenBy : coupon.member();
    switch (state) {
      case REVERSED:
        return waits(
            ClaimStatus.REJECTED,
            "COUPON_REVERSED",
            "coupon "
                + key
                + " was refunded, voided or exchanged (status "
                + coupon.couponStatus()
                + "): it cannot earn");
      case CREDITED:
        if (claimant.equals(owner)) { // a file credited it to the claimant (the hook's case)
          return waits(
              ClaimStatus.CREDITED,
              "MATCHED_BY_FILE",
              "the airline's file credited coupon " + key + " to the member");
        }
        return waits(
            ClaimStatus.PENDING_REVIEW,
            "COUPON_CREDITED_TO_OTHER_MEMBER",
            "coupon " + key + " is credited to another member");
      case PARKED:
        return waits(
            ClaimStatus.PENDING_REVIEW,
            "COUPON_PARKED_FOR_OTHER_MEMBER",
            "coupon " + key + " carries another member number, not enrolled");
      case UNCLAIMED:
      default:
        if (!MissingMilesRules.namesMatch(coupon.lastName(), memberLastName)) {
          return waits(
              ClaimStatus.PENDING_REVIEW,
              "NAME_MISMATCH",
              "the passenger's last name on coupon "
                  + key
                  + " is not the member's: an agent checks the claim");
        }
        return new ClaimDecision(
            ClaimStatus.CREDITED, "MATCHED", "coupon " + key + " credited to the member", true);
    }
  }

  /** A decision that posts nothing (whatever the status: waiting, rejected or found credited). */
  private static ClaimDecision waits(ClaimStatus status, String code, String text) {
    return new ClaimDecision(status, code, text, false);
  }
}
