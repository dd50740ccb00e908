package org.openmiles.accrual.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.openmiles.accrual.api.CouponKey;
import org.openmiles.accrual.api.FlownCoupon;

/** A stored flown coupon with what it earned when it was recorded. */
public record RecordedCoupon(
    String ticket,
    int coupon,
    char couponStatus,
    String member,
    String lastName,
    String firstName,
    String marketingCarrier,
    String operatingCarrier,
    String flightNumber,
    LocalDate flightDate,
    String origin,
    String destination,
    String bookingClass,
    String fareBasis,
    BigDecimal baseFare,
    String currency,
    long baseMiles,
    long qualifyingMiles,
    BigDecimal qualifyingFlights,
    CouponState state,
    BigDecimal qualifyingSpend) {

  public String key() {
    return CouponKey.format(ticket, coupon);
  }

  /** The coupon as the rater reads it. */
  public FlownCoupon asFlown() {
    return new FlownCoupon(
        ticket,
        coupon,
        couponStatus,
        null,
        lastName,
        firstName,
        marketingCarrier,
        operatingCarrier,
        flightNumber,
        flightDate,
        origin,
        destination,
        bookingClass,
        fareBasis,
        baseFare,
        currency,
        0);
  }
}
