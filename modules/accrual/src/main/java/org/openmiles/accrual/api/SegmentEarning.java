package org.openmiles.accrual.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * What one planned segment would earn the member if flown as planned and credited today: the
 * distance and region, base miles, the tier's bonus, the promotions' bonuses (codes in {@code
 * promotions}) and the qualifying activity. A segment that would earn nothing says why ({@code
 * refusal}: the code a flown-coupon file would answer, such as CLASS_NOT_ELIGIBLE, and {@code
 * reason} for people).
 */
public record SegmentEarning(
    PlannedSegment segment,
    Integer distanceMiles,
    String region,
    long baseMiles,
    long tierBonusMiles,
    long promotionMiles,
    List<String> promotions,
    long qualifyingMiles,
    BigDecimal qualifyingFlights,
    BigDecimal qualifyingSpend,
    String refusal,
    String reason) {
  public SegmentEarning {
    promotions = List.copyOf(promotions);
  }

  /** Every mile the segment would credit. */
  public long miles() {
    return baseMiles + tierBonusMiles + promotionMiles;
  }
}
