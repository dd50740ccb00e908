package org.openmiles.accrual.domain;

/** A pending claim and the coupon just recorded that it names. */
public record PendingMatch(StoredClaim claim, RecordedCoupon coupon) {}
