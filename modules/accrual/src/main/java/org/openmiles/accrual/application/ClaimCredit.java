package org.openmiles.accrual.application;

import org.openmiles.accounts.api.Qualifying;
import org.openmiles.accrual.api.CouponKey;

/**
 * A coupon's credit to a claimant: base and qualifying as rated, tier bonus for them; posted by
 * {@link ClaimCredits#post} under the coupon's own ledger references. {@code flight} is the flight
 * as the ledger texts name it ({@link CouponPostings#flight}).
 */
record ClaimCredit(
    CouponPostings.Flown flown,
    String flight,
    long baseMiles,
    long bonusMiles,
    Qualifying qualifying,
    String tierCode,
    long claimId) {

  long total() {
    return baseMiles + bonusMiles;
  }

  String refusalReason() {
    return "coupon "
        + CouponKey.format(flown.ticket(), flown.coupon())
        + " for member "
        + flown.member().value();
  }
}
