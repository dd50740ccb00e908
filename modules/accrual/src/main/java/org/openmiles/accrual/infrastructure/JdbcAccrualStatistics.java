package org.openmiles.accrual.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.openmiles.accrual.api.AccrualStatistics;
import org.openmiles.accrual.api.ClaimStatus;
import org.openmiles.accrual.api.PartnerMiles;
import org.openmiles.common.jdbc.Jdbc;

/**
 * Dashboard aggregates. Partner miles are summed over the files' own totals ({@code
 * inbound_file.miles_issued}, found through the index on {@code received_at}), so a month of
 * million-record files costs as many rows as files, not records.
 */
@ApplicationScoped
public class JdbcAccrualStatistics implements AccrualStatistics {
  @Inject Jdbc jdbc;

  @Override
  public List<PartnerMiles> topPartnersByMiles(Instant since, int limit) {
    return jdbc.list(
        "sum miles per partner",
        """
        select f.partner_code, p.name, sum(f.miles_issued) as miles, count(*) as files
          from accrual.inbound_file f join accrual.partner p on p.code = f.partner_code
         where f.received_at >= ? and f.feed = 'PARTNER_ACTIVITY' and f.status = 'DONE'
         group by f.partner_code, p.name
        having sum(f.miles_issued) > 0
         order by 3 desc, 1 limit ?""",
        (c, ps) -> {
          ps.setTimestamp(1, Timestamp.from(since));
          ps.setInt(2, limit);
        },
        rs ->
            new PartnerMiles(
                rs.getString("partner_code"),
                rs.getString("name"),
                rs.getLong("miles"),
                rs.getLong("files")));
  }

  @Override
  public long claimsIn(ClaimStatus status) {
    return jdbc.first(
            "count claims",
            "select count(*) as claims from accrual.missing_miles_claim where status = ?",
            (c, ps) -> ps.setString(1, status.name()),
            rs -> rs.getLong("claims"))
        .orElse(0L);
  }
}
