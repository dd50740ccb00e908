package org.openmiles.retention.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.retention.domain.RetentionAggregates;

/**
 * The dashboards' aggregates in one statement each: members ranked by their revenue in the range,
 * then the revenue of the first ceil(n × p / 100) of them for each band p.
 */
@ApplicationScoped
public class JdbcRetentionAggregates implements RetentionAggregates {
  @Inject Jdbc jdbc;

  @Override
  public Concentration concentration(LocalDate from, LocalDate to, List<BigDecimal> percents) {
    record Row(long n, BigDecimal total, Band band) {}
    List<Row> rows =
        jdbc.list(
            "rank active members by revenue",
            """
            with m as (
              select member_number, sum(revenue) as revenue
                from (select member_number, flights, partner_transactions, revenue
                        from retention.member_day where activity_date between ? and ?
                      union all
                      select member_number, flights, partner_transactions, revenue
                        from retention.fact_journal where activity_date between ? and ?) d
               group by member_number
              having sum(flights) + sum(partner_transactions) > 0),
            ranked as (
              select revenue, row_number() over (order by revenue desc, member_number) as rn,
                     count(*) over () as n
                from m),
            bands as (select p, row_number() over () as i from unnest(?::numeric[]) as p)
            select bands.i, coalesce(max(ranked.n), 0) as n,
                   coalesce(ceil(max(ranked.n) * bands.p / 100), 0) as band_members,
                   coalesce(sum(ranked.revenue)
                     filter (where ranked.rn <= ceil(ranked.n * bands.p / 100)), 0) as band_revenue,
                   coalesce(sum(ranked.revenue), 0) as total
              from bands left join ranked on true
             group by bands.i, bands.p order by bands.i""",
            (c, ps) -> {
              ps.setDate(1, Date.valueOf(from));
              ps.setDate(2, Date.valueOf(to));
              ps.setDate(3, Date.valueOf(from));
              ps.setDate(4, Date.valueOf(to));
              ps.setArray(5, c.createArrayOf("numeric", percents.toArray()));
            },
            rs ->
                new Row(
                    rs.getLong("n"),
                    rs.getBigDecimal("total"),
                    new Band(rs.getLong("band_members"), rs.getBigDecimal("band_revenue"))));
    return new Concentration(
        rows.isEmpty() ? 0 : rows.get(0).n(),
        rows.isEmpty() ? BigDecimal.ZERO : rows.get(0).total(),
        rows.stream().map(Row::band).toList());
  }
}
