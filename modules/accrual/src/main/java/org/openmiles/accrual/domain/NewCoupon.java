package org.openmiles.accrual.domain;

import java.math.BigDecimal;
import org.openmiles.accrual.api.FlownCoupon;

/** A coupon to record, with what it earns (zeros for a reversal without an earlier credit). */
public record NewCoupon(
    FlownCoupon coupon,
    CouponState state,
    String reasonCode,
    Integer distanceMiles,
    long baseMiles,
    long bonusMiles,
    long qualifyingMiles,
    BigDecimal qualifyingFlights,
    BigDecimal qualifyingSpend,
    String tierCode,
    String region) {}
