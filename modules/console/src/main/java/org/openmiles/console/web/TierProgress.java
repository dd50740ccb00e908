package org.openmiles.console.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.openmiles.tiers.api.TierProgressView;
import org.openmiles.tiers.api.TierStatusView;

/**
 * How far a member is towards a tier, in whole percent for the page's progress bars: what they have
 * out of what they have plus what they still need, rounded down so 100 means reached.
 */
final class TierProgress {
  private TierProgress() {}

  /**
   * Progress by qualifying miles; a tier reached on lifetime miles alone (no flights count) is
   * measured on lifetime qualifying miles.
   */
  static int miles(TierStatusView tier, TierProgressView p) {
    if (p == null || tier == null) {
      return 0;
    }
    long have = p.flightsNeeded() == null ? tier.lifetimeQualifyingMiles() : tier.qualifyingMiles();
    return percent(BigDecimal.valueOf(have), BigDecimal.valueOf(p.milesNeeded()));
  }

  /** Progress by qualifying flights; 0 when the tier is not reached by flights. */
  static int flights(TierStatusView tier, TierProgressView p) {
    if (p == null || tier == null || p.flightsNeeded() == null) {
      return 0;
    }
    return percent(tier.qualifyingFlights(), p.flightsNeeded());
  }

  static int percent(BigDecimal have, BigDecimal needed) {
    BigDecimal total = have.add(needed);
    if (total.signum() == 0) {
      return 100;
    }
    return have.multiply(BigDecimal.valueOf(100)).divide(total, 0, RoundingMode.DOWN).intValue();
  }
}
