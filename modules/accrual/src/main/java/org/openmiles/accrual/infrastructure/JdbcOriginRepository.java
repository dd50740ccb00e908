package org.openmiles.accrual.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.openmiles.accrual.api.ActivityOrigin;
import org.openmiles.accrual.api.LedgerReferences;
import org.openmiles.accrual.domain.OriginRepository;
import org.openmiles.accrual.domain.RecordedOrigin;
import org.openmiles.common.jdbc.Jdbc;

/** {@link OriginRepository} over flown_coupon and partner_activity, by their natural keys. */
@ApplicationScoped
public class JdbcOriginRepository implements OriginRepository {
  @Inject Jdbc jdbc;

  @Override
  public List<RecordedOrigin> flights(List<String> tickets, List<Integer> coupons) {
    if (tickets.isEmpty()) {
      return List.of();
    }
    return jdbc.list(
        "read the flown coupons behind ledger postings",
        """
        select c.ticket_number, c.coupon_no, c.marketing_carrier, c.base_fare, c.currency,
               c.flight_date, c.base_miles
          from unnest(?::varchar[], ?::integer[]) as k(ticket, coupon)
          join accrual.flown_coupon c
            on c.ticket_number = cast(k.ticket as char(13)) and c.coupon_no = k.coupon""",
        (c, ps) -> {
          ps.setArray(1, Jdbc.array(c, "varchar", tickets));
          ps.setArray(2, Jdbc.array(c, "integer", coupons));
        },
        rs ->
            new RecordedOrigin(
                LedgerReferences.flownCoupon(rs.getString(1), rs.getInt(2)),
                ActivityOrigin.Kind.FLIGHT,
                rs.getString(3),
                RecordedOrigin.FLIGHT_CATEGORY,
                rs.getBigDecimal(4),
                rs.getString(5),
                rs.getDate(6).toLocalDate(),
                rs.getLong(7)));
  }

  @Override
  public List<RecordedOrigin> partnerRecords(List<String> partners, List<String> transactions) {
    if (partners.isEmpty()) {
      return List.of();
    }
    return jdbc.list(
        "read the partner records behind ledger postings",
        """
        select a.partner_code, a.partner_tx_id, p.kind,
               case when a.basis = 'SPEND' then a.quantity end as amount, a.currency,
               a.activity_date, a.miles
          from unnest(?::varchar[], ?::varchar[]) as k(partner, tx)
          join accrual.partner_activity a on a.partner_code = k.partner and a.partner_tx_id = k.tx
          join accrual.partner p on p.code = a.partner_code""",
        (c, ps) -> {
          ps.setArray(1, Jdbc.array(c, "varchar", partners));
          ps.setArray(2, Jdbc.array(c, "varchar", transactions));
        },
        rs ->
            new RecordedOrigin(
                LedgerReferences.partnerActivity(rs.getString(1), rs.getString(2)),
                ActivityOrigin.Kind.PARTNER,
                rs.getString(1),
                rs.getString(3),
                rs.getBigDecimal(4),
                rs.getString(5),
                rs.getDate(6).toLocalDate(),
                rs.getLong(7)));
  }
}
