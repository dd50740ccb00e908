package org.openmiles.accrual.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openmiles.accounts.api.Qualifying;
import org.openmiles.accrual.api.CouponKey;
import org.openmiles.accrual.api.Flight;
import org.openmiles.accrual.api.FlownCoupon;
import org.openmiles.accrual.domain.CouponEarnings;
import org.openmiles.accrual.domain.CouponReversal;
import org.openmiles.accrual.domain.CouponState;
import org.openmiles.accrual.domain.FileLine;
import org.openmiles.accrual.domain.FlightRating;
import org.openmiles.accrual.domain.FlownCouponRepository;
import org.openmiles.accrual.domain.NewCoupon;
import org.openmiles.accrual.domain.StoredCoupon;
import org.openmiles.accrual.domain.StoredReversal;
import org.openmiles.common.jdbc.Jdbc;

/** Flown coupons in {@code accrual.flown_coupon}, read and written a chunk at a time. */
@ApplicationScoped
public class JdbcFlownCouponRepository implements FlownCouponRepository {

  @Inject Jdbc jdbc;

  private static final String STORED =
      """
      select ticket_number, coupon_no, member_number, state, coalesce(file_id, 0) as file_id,
             coalesce(line_no, 0) as line_no, base_miles, bonus_miles, promo_miles,
             qualifying_miles, qualifying_flights, flight_date,
             coalesce(reversed_file_id, 0) as reversed_file_id,
             coalesce(reversed_line_no, 0) as reversed_line_no, miles_reversed, qualifying_spend
        from accrual.flown_coupon""";

  private static StoredCoupon stored(ResultSet rs) throws SQLException {
    return new StoredCoupon(
        rs.getString("ticket_number"),
        rs.getInt("coupon_no"),
        rs.getString("member_number"),
        rs.getDate("flight_date").toLocalDate(),
        CouponState.valueOf(rs.getString("state")),
        new FileLine(rs.getLong("file_id"), rs.getLong("line_no")),
        new CouponEarnings(
            rs.getLong("base_miles"),
            rs.getLong("bonus_miles"),
            rs.getLong("promo_miles"),
            Qualifying.of(
                rs.getLong("qualifying_miles"),
                rs.getBigDecimal("qualifying_flights"),
                rs.getBigDecimal("qualifying_spend"))),
        new StoredReversal(
            new FileLine(rs.getLong("reversed_file_id"), rs.getLong("reversed_line_no")),
            rs.getLong("miles_reversed")));
  }

  /** The stored coupons among {@code coupons}, by {@link FlownCoupon#key()}, locked for update. */
  @Override
  public Map<String, StoredCoupon> findForUpdate(List<FlownCoupon> coupons) {
    Map<String, StoredCoupon> out = new HashMap<>();
    if (coupons.isEmpty()) {
      return out;
    }
    Object[] tickets = coupons.stream().map(FlownCoupon::ticketNumber).toArray();
    Object[] numbers = coupons.stream().map(FlownCoupon::couponNumber).toArray();
    jdbc.list(
            "read flown coupons",
            STORED
                + """

                 where (ticket_number, coupon_no) in %s
                 order by ticket_number, coupon_no for update"""
                    .formatted(BY_KEYS),
            (c, ps) -> {
              ps.setArray(1, Jdbc.array(c, "bpchar", tickets));
              ps.setArray(2, Jdbc.array(c, "int2", numbers));
            },
            JdbcFlownCouponRepository::stored)
        .forEach(s -> out.put(s.key(), s));
    return out;
  }

  /** Records new coupons (set-based); returns the keys actually inserted (others raced in). */
  @Override
  public Set<String> insert(long fileId, List<NewCoupon> rows, Instant now) {
    Set<String> inserted = new HashSet<>();
    if (rows.isEmpty()) {
      return inserted;
    }
    Object[][] cols =
        Jdbc.columns(
            rows,
            28,
            r -> {
              FlownCoupon c = r.coupon();
              Flight f = c.flight();
              FlightRating rating = r.rating();
              return new Object[] {
                c.ticketNumber(),
                c.couponNumber(),
                String.valueOf(c.status()),
                c.member() == null ? null : c.member().value(),
                c.lastName(),
                c.firstName(),
                f.marketingCarrier(),
                f.operatingCarrier(),
                f.number(),
                f.date().toString(),
                f.origin(),
                f.destination(),
                c.fare().bookingClass(),
                c.fare().fareBasis(),
                c.fare().baseFare(),
                c.fare().currency(),
                rating.distanceMiles(),
                rating.baseMiles(),
                rating.bonusMiles(),
                rating.qualifyingMiles(),
                rating.qualifyingFlights(),
                r.tierCode(),
                r.state().name(),
                r.reasonCode(),
                (int) Math.min(Integer.MAX_VALUE, c.lineNumber()),
                r.state() == CouponState.REVERSED ? fileId : null,
                r.state() == CouponState.REVERSED
                    ? (int) Math.min(Integer.MAX_VALUE, c.lineNumber())
                    : null,
                rating.qualifyingSpend()
              };
            });
    String[] types = {
      "varchar", "int2", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar",
      "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "numeric", "varchar",
      "int4", "int8", "int8", "int8", "numeric", "varchar", "varchar", "varchar", "int4", "int8",
      "int4", "numeric"
    };
    String[] casts = {
      "varchar",
      "smallint",
      "varchar",
      "varchar",
      "varchar",
      "varchar",
      "varchar",
      "varchar",
      "varchar",
      "date",
      "varchar",
      "varchar",
      "varchar",
      "varchar",
      "numeric",
      "varchar",
      "int",
      "bigint",
      "bigint",
      "bigint",
      "numeric",
      "varchar",
      "varchar",
      "varchar",
      "int",
      "bigint",
      "int",
      "numeric"
    };
    String unnest = Jdbc.unnestParameters(casts);
    String sql =
        """
        insert into accrual.flown_coupon (ticket_number, coupon_no, coupon_status, member_number,
               last_name, first_name, marketing_carrier, operating_carrier, flight_number,
               flight_date, origin, destination, booking_class, fare_basis, base_fare, currency,
               distance_miles, base_miles, bonus_miles, qualifying_miles, qualifying_flights,
               tier_code, state, reason_code, line_no, reversed_file_id, reversed_line_no,
               qualifying_spend, file_id, received_at, credited_at, reversed_at)
        select x.*, ?, ?, case when x.state = 'CREDITED' then ?::timestamptz end,
               case when x.state = 'REVERSED' then ?::timestamptz end
          from unnest(%s) as x(t, n, s, m, ln, fn, mc, oc, fl, d, o, de, bc, fb, bf, cu, di, bm,
                               bo, qm, qf, tc, state, rc, li, rf, rl, qs)
        on conflict (ticket_number, coupon_no) do nothing
        returning ticket_number, coupon_no"""
            .formatted(unnest);
    jdbc.list(
            "record flown coupons",
            sql,
            (c, ps) -> { // the select list's parameters come first in the text
              Timestamp ts = Timestamp.from(now);
              ps.setLong(1, fileId);
              ps.setTimestamp(2, ts);
              ps.setTimestamp(3, ts);
              ps.setTimestamp(4, ts);
              for (int k = 0; k < cols.length; k++) {
                ps.setArray(k + 5, Jdbc.array(c, types[k], cols[k]));
              }
            },
            rs -> CouponKey.format(rs.getString("ticket_number"), rs.getInt("coupon_no")))
        .forEach(inserted::add);
    return inserted;
  }

  /** Sets the state of coupons (CREDITED, PARKED, ...) with a reason code. */
  @Override
  public void setState(List<String> keys, CouponState state, String reasonCode, Instant now) {
    if (keys.isEmpty()) {
      return;
    }
    jdbc.update(
        "update flown coupons",
        """
        update accrual.flown_coupon set state = ?, reason_code = ?,
               credited_at = case when ? = 'CREDITED' then ? else credited_at end
         where (ticket_number, coupon_no) in %s"""
            .formatted(BY_KEYS),
        (c, ps) -> {
          ps.setString(1, state.name());
          ps.setString(2, reasonCode);
          ps.setString(3, state.name());
          ps.setTimestamp(4, Timestamp.from(now));
          bindKeys(c, ps, 5, keys);
        });
  }

  /** Records the promotion bonus miles credited on coupons, so that a reversal takes them too. */
  @Override
  public void addPromoMiles(Map<String, Long> milesByKey) {
    if (milesByKey.isEmpty()) {
      return;
    }
    List<String> keys = List.copyOf(milesByKey.keySet());
    List<CouponKey> parsed = keys.stream().map(CouponKey::parse).toList();
    Object[] tickets = parsed.stream().map(CouponKey::ticket).toArray();
    Object[] numbers = parsed.stream().map(CouponKey::coupon).toArray();
    Object[] miles = keys.stream().map(milesByKey::get).toArray();
    jdbc.update(
        "record promotion miles of flown coupons",
        """
        update accrual.flown_coupon f set promo_miles = f.promo_miles + x.m
          from unnest(?::char(13)[], ?::smallint[], ?::bigint[]) as x(t, n, m)
         where f.ticket_number = x.t and f.coupon_no = x.n""",
        (c, ps) -> {
          ps.setArray(1, Jdbc.array(c, "bpchar", tickets));
          ps.setArray(2, Jdbc.array(c, "int2", numbers));
          ps.setArray(3, Jdbc.array(c, "bigint", miles));
        });
  }

  /** Forgets coupons whose credit was refused, so that a corrected re-send can succeed. */
  @Override
  public void forget(List<String> keys) {
    if (keys.isEmpty()) {
      return;
    }
    jdbc.update(
        "forget flown coupons",
        "delete from accrual.flown_coupon where (ticket_number, coupon_no) in " + BY_KEYS,
        (c, ps) -> bindKeys(c, ps, 1, keys));
  }

  /**
   * Coupon keys {@code ticket/coupon} as a set of rows {@code (t, n)}, bound by {@link #bindKeys}
   * (also used by the booking repository for the segments flown by coupons).
   */
  static final String BY_KEYS =
      "(select t, n from unnest(?::char(13)[], ?::smallint[]) as k(t, n))";

  static void bindKeys(Connection c, PreparedStatement ps, int first, List<String> keys)
      throws SQLException {
    Object[] tickets = new Object[keys.size()];
    Object[] numbers = new Object[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      CouponKey k = CouponKey.parse(keys.get(i));
      tickets[i] = k.ticket();
      numbers[i] = k.coupon();
    }
    ps.setArray(first, Jdbc.array(c, "bpchar", tickets));
    ps.setArray(first + 1, Jdbc.array(c, "int2", numbers));
  }

  @Override
  public void markReversed(List<CouponReversal> reversals, Instant now) {
    if (reversals.isEmpty()) {
      return;
    }
    List<CouponKey> parsed = reversals.stream().map(r -> CouponKey.parse(r.key())).toList();
    Object[] tickets = parsed.stream().map(CouponKey::ticket).toArray();
    Object[] numbers = parsed.stream().map(CouponKey::coupon).toArray();
    Object[] miles = reversals.stream().map(CouponReversal::miles).toArray();
    Object[] status = reversals.stream().map(r -> String.valueOf(r.status())).toArray();
    Object[] files = reversals.stream().map(CouponReversal::fileId).toArray();
    Object[] lines = reversals.stream().map(r -> (int) r.lineNo()).toArray();
    jdbc.update(
        "reverse flown coupons",
        """
        update accrual.flown_coupon f set state = 'REVERSED', coupon_status = x.s,
               miles_reversed = x.m, reversed_at = ?, reversed_file_id = x.f,
               reversed_line_no = x.l
          from unnest(?::char(13)[], ?::smallint[], ?::bigint[], ?::varchar[], ?::bigint[],
                      ?::int[]) as x(t, n, m, s, f, l)
         where f.ticket_number = x.t and f.coupon_no = x.n""",
        (c, ps) -> {
          ps.setTimestamp(1, Timestamp.from(now));
          ps.setArray(2, Jdbc.array(c, "bpchar", tickets));
          ps.setArray(3, Jdbc.array(c, "int2", numbers));
          ps.setArray(4, Jdbc.array(c, "bigint", miles));
          ps.setArray(5, Jdbc.array(c, "varchar", status));
          ps.setArray(6, Jdbc.array(c, "bigint", files));
          ps.setArray(7, Jdbc.array(c, "integer", lines));
        });
  }

  /** The member's parked coupons received after {@code since}, locked against a concurrent run. */
  @Override
  public List<StoredCoupon> parkedFor(String member, Instant since) {
    return jdbc.list(
        "read parked coupons of " + member,
        STORED
            + """

             where member_number = ? and state = 'PARKED' and received_at >= ?
             order by ticket_number, coupon_no for update""",
        (c, ps) -> {
          ps.setString(1, member);
          ps.setTimestamp(2, Timestamp.from(since));
        },
        JdbcFlownCouponRepository::stored);
  }
}
