package org.openmiles.tiers.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.tiers.api.TierCount;
import org.openmiles.tiers.api.TierStatistics;
import org.openmiles.tiers.application.TierCalendar;

/**
 * Members per tier in one statement over {@code tiers.member_tier} (one row per member who ever
 * held more than the base tier): the effective tier is the higher ranked of the earned status valid
 * today and an override in force today, the same rule as {@code TierService.status}.
 */
@ApplicationScoped
public class JdbcTierStatistics implements TierStatistics {
  @Inject Jdbc jdbc;

  @Inject TierCalendar calendar;

  private record Row(String code, String name, int rank, long members) {}

  @Override
  public List<TierCount> membersByTier(long members) {
    Date today = Date.valueOf(calendar.today());
    List<Row> rows =
        jdbc.list(
            "count members per tier",
            "with cur as (select code, name, tier_rank from tiers.tier_definition"
                + "  where effective_from <= ? and (effective_to is null or effective_to > ?)),"
                + " held as (select greatest("
                + "   coalesce(case when t.since <= ? and (t.valid_until is null or t.valid_until >= ?)"
                + "     then e.tier_rank end, 0),"
                + "   coalesce(case when t.override_since <= ? and t.override_until >= ?"
                + "     then o.tier_rank end, 0)) as tier_rank"
                + "  from tiers.member_tier t"
                + "  left join cur e on e.code = t.tier_code"
                + "  left join cur o on o.code = t.override_tier_code)"
                + " select cur.code, cur.name, cur.tier_rank, count(held.tier_rank)"
                + " from cur left join held on held.tier_rank = cur.tier_rank"
                + " group by cur.code, cur.name, cur.tier_rank order by cur.tier_rank",
            (c, ps) -> {
              for (int i = 1; i <= 6; i++) {
                ps.setDate(i, today);
              }
            },
            rs -> new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4)));
    long aboveBase = rows.stream().filter(r -> r.rank() > 0).mapToLong(Row::members).sum();
    List<TierCount> counts = new ArrayList<>();
    for (Row r : rows) {
      long n = r.rank() == 0 ? Math.max(0, members - aboveBase) : r.members();
      counts.add(new TierCount(r.code(), r.name(), n));
    }
    return counts;
  }
}
