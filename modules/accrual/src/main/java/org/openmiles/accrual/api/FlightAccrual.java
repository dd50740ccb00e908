package org.openmiles.accrual.api;

import java.util.List;

/**
 * Miles from the airline's flown-coupon files. The file adapter registers a file, hands its
 * well-formed coupons over in chunks (one transaction each), and completes or rejects the file.
 * Flown and lifted coupons are rated by the program's rules (distance or revenue model, tier bonus,
 * promotions) and credited once per ticket + coupon, with their qualifying miles and flights;
 * refunded, voided and exchanged coupons reverse an earlier credit.
 */
public interface FlightAccrual extends InboundFileSink<FlownCoupon> {

  /** The code of the host airline whose own files these are (e.g. VN). */
  String hostCarrier();

  /**
   * Rates, credits or reverses one chunk of coupons; one result per coupon, in order. Files are
   * registered for the {@link #hostCarrier()}.
   */
  @Override
  List<ActivityResult> credit(long fileId, List<FlownCoupon> chunk);

  /**
   * Credits the parked coupons of a member who has just enrolled, if they arrived within the
   * parking window ({@code openmiles.accrual.park-days}); returns the miles credited.
   */
  long creditParked(org.openmiles.accounts.api.MemberNumber member);
}
