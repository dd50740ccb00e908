package org.openmiles.tiers.api;

import java.util.List;

/** Aggregates of member status for dashboards, one set-based query each. */
public interface TierStatistics {

  /**
   * How many members hold each tier today (airline time zone), lowest tier first: an agent override
   * in force counts instead of the earned tier. Only members who ever earned or were given a status
   * have a status row; every other member of {@code members} (the open members, from accounts) is
   * counted in the lowest tier.
   */
  List<TierCount> membersByTier(long members);
}
