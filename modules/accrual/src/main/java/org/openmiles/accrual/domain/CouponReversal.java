package org.openmiles.accrual.domain;

/** A reversal to record: which coupon, how many miles it took back, which line of which file. */
public record CouponReversal(String key, long miles, char status, long fileId, long lineNo) {}
