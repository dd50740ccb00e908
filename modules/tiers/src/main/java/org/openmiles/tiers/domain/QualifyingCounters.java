package org.openmiles.tiers.domain;

import java.util.List;
import java.util.Map;

/** Members' monthly and lifetime qualifying counters. */
public interface QualifyingCounters {

  /**
   * Adds the deltas to the monthly and lifetime counters; returns each member's lifetime miles and
   * flights after it (no spend: lifetime counts none).
   */
  Map<String, Counters> addQualifying(List<MonthDelta> deltas);

  /**
   * Adds the duplicate's monthly and lifetime counters to the survivor's; the duplicate's own stay,
   * equal to its own ledger.
   */
  void addCountersOf(String duplicate, String survivor);
}
