package org.openmiles.tiers.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.tiers.domain.TierHeadcount;
import org.openmiles.tiers.domain.TierHeadcounts;

/**
 * Members per tier in one statement over {@code tiers.member_tier} (one row per member who ever
 * held more than the base tier): the effective tier is the higher ranked of the earned status valid
 * on the day and an override in force that day, the same rule as {@code TierService.status}.
 */
@ApplicationScoped
public class JdbcTierHeadcounts implements TierHeadcounts {
  @Inject Jdbc jdbc;

  @Override
  public List<TierHeadcount> on(LocalDate day) {
    Date d = Date.valueOf(day);
    return jdbc.list(
        "count members per tier",
        """
        with cur as (
          select code, name, tier_rank from tiers.tier_definition
          where effective_from <= ? and (effective_to is null or effective_to > ?)),
        held as (
          select greatest(
            coalesce(case when t.since <= ? and (t.valid_until is null or t.valid_until >= ?)
              then e.tier_rank end, 0),
            coalesce(case when t.override_since <= ? and t.override_until >= ?
              then o.tier_rank end, 0)) as tier_rank
          from tiers.member_tier t
          left join cur e on e.code = t.tier_code
          left join cur o on o.code = t.override_tier_code)
        select cur.code, cur.name, cur.tier_rank, count(held.tier_rank) members
        from cur left join held on held.tier_rank = cur.tier_rank
        group by cur.code, cur.name, cur.tier_rank order by cur.tier_rank""",
        (c, ps) -> {
          for (int i = 1; i <= 6; i++) {
            ps.setDate(i, d);
          }
        },
        rs ->
            new TierHeadcount(
                rs.getString("code"),
                rs.getString("name"),
                rs.getInt("tier_rank"),
                rs.getLong("members")));
  }
}
