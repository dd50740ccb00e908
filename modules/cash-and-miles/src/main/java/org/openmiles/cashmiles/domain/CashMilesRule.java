package org.openmiles.cashmiles.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The program's Cash &amp; Miles rule in force on a date (table {@code cashmiles.cash_miles_rule}):
 * at least {@code minMilesPerSegment} miles per passenger and segment, more in steps of {@code
 * milesStep}, up to {@code maxFareSharePct} % of the base fare; quote and hold lifetimes; whether a
 * voluntary or involuntary refund gives the miles back.
 */
public record CashMilesRule(
    int minMilesPerSegment,
    int milesStep,
    BigDecimal maxFareSharePct,
    int quoteTtlSeconds,
    int holdTtlSeconds,
    RefundRules refunds) {

  public CashMilesRule {
    Objects.requireNonNull(maxFareSharePct, "maxFareSharePct");
    Objects.requireNonNull(refunds, "refunds");
    if (minMilesPerSegment <= 0 || milesStep <= 0 || minMilesPerSegment % milesStep != 0) {
      throw new IllegalArgumentException(
          "the minimum must be a positive multiple of a positive step");
    }
    if (maxFareSharePct.signum() <= 0 || maxFareSharePct.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new IllegalArgumentException("the maximum share of the fare is 0 to 100 %");
    }
  }
}
