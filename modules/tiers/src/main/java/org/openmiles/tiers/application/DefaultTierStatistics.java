package org.openmiles.tiers.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.openmiles.tiers.api.TierCount;
import org.openmiles.tiers.api.TierStatistics;
import org.openmiles.tiers.domain.TierHeadcount;
import org.openmiles.tiers.domain.TierHeadcounts;

/**
 * Members per tier today (airline time zone): the members above the base tier as counted in the
 * status rows, the base tier the rest of the open members.
 */
@ApplicationScoped
public class DefaultTierStatistics implements TierStatistics {
  @Inject TierHeadcounts headcounts;

  @Inject TierCalendar calendar;

  @Override
  public List<TierCount> membersByTier(long members) {
    List<TierHeadcount> rows = headcounts.on(calendar.today());
    long aboveBase =
        rows.stream().filter(r -> r.rank() > 0).mapToLong(TierHeadcount::members).sum();
    List<TierCount> counts = new ArrayList<>();
    for (TierHeadcount r : rows) {
      long n = r.rank() == 0 ? Math.max(0, members - aboveBase) : r.members();
      counts.add(new TierCount(r.code(), r.name(), n));
    }
    return counts;
  }
}
