package org.openmiles.accrual.domain;

import org.openmiles.accounts.api.Qualifying;
import org.openmiles.accrual.api.FlownCoupon;

/**
 * A stored flown coupon with what it earned when it was recorded: the coupon as the airline sent it
 * ({@code flown}, as the rater reads it: without its member number and file line), the member it is
 * stored for (null when none), its base miles and qualifying activity, and its state.
 */
public record RecordedCoupon(
    FlownCoupon flown, String member, long baseMiles, Qualifying qualifying, CouponState state) {

  public String key() {
    return flown.key();
  }
}
