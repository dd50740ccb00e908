package org.openmiles.accrual.domain;

/** A credited claim and the coupon it was credited through. */
public record CreditedClaim(long claimId, String ticket, int couponNo) {}
