package org.openmiles.accrual.domain;

/**
 * Where a flown coupon stands in OpenMiles ({@code accrual.flown_coupon.state}, whose check
 * constraint allows exactly these). A coupon earns once, whichever file or claim brings it.
 */
public enum CouponState {
  /** Its miles are posted to the member it names. */
  CREDITED,
  /** It names a member number not enrolled (yet): credited if they enroll in time. */
  PARKED,
  /** No member number, or a name that is not the member's: a claim or an agent may credit it. */
  UNCLAIMED,
  /** Refunded, voided or exchanged: it earns nothing, and what it earned was taken back. */
  REVERSED
}
