package org.openmiles.accrual.domain;

import java.time.LocalDate;
import org.openmiles.accrual.api.CouponKey;

/**
 * A coupon as stored: the member it is credited (or parked) to, its flight date and state, the file
 * line that brought it, what it earned, and its reversal if any.
 */
public record StoredCoupon(
    String ticket,
    int coupon,
    String member,
    LocalDate flightDate,
    CouponState state,
    FileLine received,
    CouponEarnings earned,
    StoredReversal reversal) {

  public String key() {
    return CouponKey.format(ticket, coupon);
  }
}
