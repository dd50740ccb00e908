package org.openmiles.retention.application;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.openmiles.tiers.api.TierStatusView;

/**
 * The NEAR_NEXT_TIER rule over tiers' status: a next tier exists, the qualification period ends
 * within {@code lookbackDays} of today (not before today), and the member needs more than zero and
 * at most {@code milesNeeded} qualifying miles for it.
 */
final class NearNextTier {
  private NearNextTier() {}

  static boolean near(TierStatusView s, LocalDate today, int lookbackDays, long milesNeeded) {
    if (s.next() == null || s.periodTo() == null || s.periodTo().isBefore(today)) {
      return false;
    }
    long daysLeft = ChronoUnit.DAYS.between(today, s.periodTo());
    long needed = s.next().milesNeeded();
    return daysLeft <= lookbackDays && needed > 0 && needed <= milesNeeded;
  }

  static String reason(TierStatusView s) {
    return String.format(
        Locale.ROOT,
        "%,d qualifying miles to %s by %s",
        s.next().milesNeeded(),
        s.next().tier(),
        s.periodTo());
  }
}
