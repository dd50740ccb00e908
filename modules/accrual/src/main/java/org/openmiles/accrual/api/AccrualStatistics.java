package org.openmiles.accrual.api;

import java.time.Instant;
import java.util.List;

/** Aggregates of accrual for dashboards, one set-based query each. */
public interface AccrualStatistics {

  /**
   * The partners that issued the most miles through activity files received since {@code since}
   * (files processed; the host airline's own flights are not a partner), most miles first.
   */
  List<PartnerMiles> topPartnersByMiles(Instant since, int limit);

  /** How many missing-miles claims are in {@code status} now. */
  long claimsIn(ClaimStatus status);
}
