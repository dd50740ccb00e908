package org.openmiles.accrual.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a planned itinerary would earn a member of tier {@code tier} (a what-if): each segment and
 * the totals; qualifying spend in {@code spendCurrency} (null while no tier counts spend).
 */
public record ItineraryEarning(
    String member,
    String tier,
    List<SegmentEarning> segments,
    long miles,
    long qualifyingMiles,
    BigDecimal qualifyingFlights,
    BigDecimal qualifyingSpend,
    String spendCurrency) {
  public ItineraryEarning {
    segments = List.copyOf(segments);
  }
}
