package org.openmiles.accrual.domain;

import org.openmiles.accrual.api.FlownCoupon;

/**
 * A coupon to record in {@code state}, with the reason it earns nothing ({@code reasonCode}, null
 * when it does), how it was rated and the member's tier then (null when it has no member); {@code
 * rating} is {@link FlightRating#NONE} for a reversal without an earlier credit.
 */
public record NewCoupon(
    FlownCoupon coupon,
    CouponState state,
    String reasonCode,
    FlightRating rating,
    String tierCode) {}
