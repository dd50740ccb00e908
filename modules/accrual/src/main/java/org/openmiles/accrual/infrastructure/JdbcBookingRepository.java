package org.openmiles.accrual.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openmiles.accrual.api.BookedPassenger;
import org.openmiles.accrual.api.BookedSegment;
import org.openmiles.accrual.api.BookedSegmentView;
import org.openmiles.accrual.api.ClaimBooking;
import org.openmiles.accrual.api.CouponKey;
import org.openmiles.accrual.api.Flight;
import org.openmiles.accrual.domain.BookingRepository;
import org.openmiles.accrual.domain.CreditedClaim;
import org.openmiles.accrual.domain.CreditedCoupon;
import org.openmiles.accrual.domain.NewSegment;
import org.openmiles.accrual.domain.PassengerSegment;
import org.openmiles.accrual.domain.StoredSegment;
import org.openmiles.common.jdbc.Jdbc;

/**
 * Booked segments in {@code accrual.booking_segment}, written a chunk at a time (set-based) and
 * read for the pending-miles and booking views. A row keeps what the newest file said: the upsert
 * only overwrites a row whose (file date, file id) is older than the incoming file's.
 */
@ApplicationScoped
public class JdbcBookingRepository implements BookingRepository {

  @Inject Jdbc jdbc;

  private static final String KEYS =
      "(select p, a, s from unnest(?::char(6)[], ?::smallint[], ?::smallint[]) as k(p, a, s))";

  /** The stored segments among {@code segments}, by {@link BookedSegment#key()}, locked. */
  @Override
  public Map<String, StoredSegment> findForUpdate(List<BookedSegment> segments) {
    Map<String, StoredSegment> out = new HashMap<>();
    if (segments.isEmpty()) {
      return out;
    }
    jdbc.list(
            "read booked segments",
            """
            select pnr, passenger_no, segment_no, state, file_id, file_date, line_no,
                   flown_ticket, flown_coupon_no
              from accrual.booking_segment
             where (pnr, passenger_no, segment_no) in %s
             order by id for update"""
                .formatted(KEYS),
            (c, ps) -> bindKeys(c, ps, 1, segments),
            rs ->
                new StoredSegment(
                    key(rs),
                    rs.getString("state"),
                    rs.getLong("file_id"),
                    rs.getDate("file_date").toLocalDate(),
                    rs.getLong("line_no"),
                    flownCoupon(rs)))
        .forEach(s -> out.put(s.key(), s));
    return out;
  }

  /** The key of the segment a row holds ({@link BookedSegment#key}). */
  private static String key(ResultSet rs) throws SQLException {
    return BookedSegment.key(
        rs.getString("pnr"), rs.getInt("passenger_no"), rs.getInt("segment_no"));
  }

  /** The key {@code ticket/coupon} of the coupon that flew the row's segment, if any. */
  private static String flownCoupon(ResultSet rs) throws SQLException {
    String ticket = rs.getString("flown_ticket");
    return ticket == null ? null : CouponKey.format(ticket, rs.getInt("flown_coupon_no"));
  }

  private static void bindKeys(
      Connection c, PreparedStatement ps, int first, List<BookedSegment> segments)
      throws SQLException {
    ps.setArray(
        first, Jdbc.array(c, "bpchar", segments.stream().map(BookedSegment::pnr).toArray()));
    ps.setArray(
        first + 1,
        Jdbc.array(c, "int2", segments.stream().map(BookedSegment::passengerNumber).toArray()));
    ps.setArray(
        first + 2,
        Jdbc.array(c, "int2", segments.stream().map(BookedSegment::segmentNumber).toArray()));
  }

  /**
   * Inserts new segments and updates stored ones that are older than this file and not flown, in
   * one statement; returns the keys actually written (a concurrent newer file may have won).
   */
  @Override
  public Set<String> upsert(long fileId, List<NewSegment> rows, Instant now) {
    Set<String> written = new HashSet<>();
    if (rows.isEmpty()) {
      return written;
    }
    Object[][] cols =
        Jdbc.columns(
            rows,
            25,
            r -> {
              BookedSegment s = r.segment();
              BookedPassenger p = s.passenger();
              Flight f = s.flight();
              return new Object[] {
                s.pnr(),
                s.passengerNumber(),
                s.segmentNumber(),
                p.lastName(),
                p.firstName(),
                p.member() == null ? null : p.member().value(),
                p.ticketNumber(),
                f.marketingCarrier(),
                f.number(),
                f.date().toString(),
                f.origin(),
                f.destination(),
                s.bookingClass(),
                s.segmentStatus(),
                r.state(),
                r.expected().distanceMiles(),
                r.expected().baseMiles(),
                r.expected().bonusMiles(),
                r.expected().qualifyingMiles(),
                r.expected().qualifyingFlights(),
                r.tierCode(),
                r.reasonCode(),
                s.fileDate().toString(),
                (int) Math.min(Integer.MAX_VALUE, s.lineNumber()),
                fileId
              };
            });
    String[] types = {
      "bpchar", "int2", "int2", "varchar", "varchar", "varchar", "bpchar", "bpchar", "varchar",
      "varchar", "bpchar", "bpchar", "bpchar", "bpchar", "varchar", "int4", "int8", "int8", "int8",
      "numeric", "varchar", "varchar", "varchar", "int4", "int8"
    };
    String[] casts = {
      "char(6)",
      "smallint",
      "smallint",
      "varchar",
      "varchar",
      "varchar",
      "char(13)",
      "char(2)",
      "varchar",
      "date",
      "char(3)",
      "char(3)",
      "char(1)",
      "char(2)",
      "varchar",
      "int",
      "bigint",
      "bigint",
      "bigint",
      "numeric",
      "varchar",
      "varchar",
      "date",
      "int",
      "bigint"
    };
    String unnest = Jdbc.unnestParameters(casts);
    String sql =
        """
        insert into accrual.booking_segment as b (pnr, passenger_no, segment_no, last_name,
               first_name, member_number, ticket_number, marketing_carrier, flight_number,
               departure_date, origin, destination, booking_class, segment_status, state,
               distance_miles, expected_base_miles, expected_bonus_miles,
               expected_qualifying_miles, expected_qualifying_flights, tier_code, reason_code,
               file_date, line_no, file_id, received_at, updated_at)
        select x.*, ?, ?
          from unnest(%s) as x(p, a, s, ln, fn, m, t, c, fl, d, o, de, bc, ss, st, di, bm, bo,
                               qm, qf, tc, rc, fd, li, fi)
        on conflict (pnr, passenger_no, segment_no) do update set
           last_name = excluded.last_name, first_name = excluded.first_name,
           member_number = excluded.member_number, ticket_number = excluded.ticket_number,
           marketing_carrier = excluded.marketing_carrier,
           flight_number = excluded.flight_number, departure_date = excluded.departure_date,
           origin = excluded.origin, destination = excluded.destination,
           booking_class = excluded.booking_class, segment_status = excluded.segment_status,
           state = excluded.state, distance_miles = excluded.distance_miles,
           expected_base_miles = excluded.expected_base_miles,
           expected_bonus_miles = excluded.expected_bonus_miles,
           expected_qualifying_miles = excluded.expected_qualifying_miles,
           expected_qualifying_flights = excluded.expected_qualifying_flights,
           tier_code = excluded.tier_code, reason_code = excluded.reason_code,
           file_date = excluded.file_date, line_no = excluded.line_no,
           file_id = excluded.file_id, updated_at = excluded.updated_at
         where b.state <> 'FLOWN'
           and (b.file_date, b.file_id) < (excluded.file_date, excluded.file_id)
        returning pnr, passenger_no, segment_no"""
            .formatted(unnest);
    jdbc.list(
            "store booked segments",
            sql,
            (c, ps) -> { // the select list's parameters come first in the text
              Timestamp ts = Timestamp.from(now);
              ps.setTimestamp(1, ts);
              ps.setTimestamp(2, ts);
              for (int k = 0; k < cols.length; k++) {
                ps.setArray(k + 3, Jdbc.array(c, types[k], cols[k]));
              }
            },
            JdbcBookingRepository::key)
        .forEach(written::add);
    return written;
  }

  /** Matches a booked segment to a credited coupon: same flight, and same member or ticket. */
  private static final String MATCH =
      """
      b.state in ('CONFIRMED', 'WAITLISTED') and b.marketing_carrier = f.marketing_carrier
         and b.flight_number = ltrim(f.flight_number, '0') and b.departure_date = f.flight_date
         and b.origin = f.origin
         and (b.member_number = f.member_number or b.ticket_number = f.ticket_number)""";

  /**
   * Marks the booked segments of credited coupons FLOWN, with the coupon and the miles it was
   * credited; returns how many segments changed.
   */
  @Override
  public int markFlown(List<CreditedCoupon> coupons, Instant now) {
    if (coupons.isEmpty()) {
      return 0;
    }
    return jdbc.update(
        "mark booked segments flown",
        """
        update accrual.booking_segment b set state = 'FLOWN', flown_ticket = f.ticket_number,
               flown_coupon_no = f.coupon_no, credited_miles = f.miles, flown_at = ?,
               updated_at = ?, reason_code = null
          from unnest(?::char(13)[], ?::smallint[], ?::varchar[], ?::char(2)[], ?::varchar[],
                      ?::date[], ?::char(3)[], ?::bigint[])
               as f(ticket_number, coupon_no, member_number, marketing_carrier, flight_number,
                    flight_date, origin, miles)
         where %s"""
            .formatted(MATCH),
        (c, ps) -> {
          Timestamp ts = Timestamp.from(now);
          ps.setTimestamp(1, ts);
          ps.setTimestamp(2, ts);
          ps.setArray(
              3, Jdbc.array(c, "bpchar", coupons.stream().map(CreditedCoupon::ticket).toArray()));
          ps.setArray(
              4, Jdbc.array(c, "int2", coupons.stream().map(CreditedCoupon::couponNo).toArray()));
          ps.setArray(
              5, Jdbc.array(c, "varchar", coupons.stream().map(CreditedCoupon::member).toArray()));
          ps.setArray(
              6, Jdbc.array(c, "bpchar", coupons.stream().map(CreditedCoupon::carrier).toArray()));
          ps.setArray(
              7,
              Jdbc.array(
                  c,
                  "varchar",
                  coupons.stream().map(x -> flightNumber(x.flightNumber())).toArray()));
          ps.setArray(
              8,
              Jdbc.array(c, "varchar", coupons.stream().map(x -> x.date().toString()).toArray()));
          ps.setArray(
              9, Jdbc.array(c, "bpchar", coupons.stream().map(CreditedCoupon::origin).toArray()));
          ps.setArray(
              10, Jdbc.array(c, "int8", coupons.stream().map(CreditedCoupon::miles).toArray()));
        });
  }

  /**
   * Sets a segment FLOWN from the credited coupon row {@code f}, with the miles the coupon was
   * credited (base, tier bonus, promotion); its two parameters are bound by {@link #bindNowTwice}.
   */
  private static final String FLOWN_AS_COUPON_F =
      """
      set state = 'FLOWN', flown_ticket = f.ticket_number, flown_coupon_no = f.coupon_no,
             credited_miles = f.base_miles + f.bonus_miles + f.promo_miles,
             flown_at = coalesce(f.credited_at, ?), updated_at = ?, reason_code = null""";

  /** Binds {@code now} as parameters 1 and 2; returns the next parameter's index. */
  private static int bindNowTwice(PreparedStatement ps, Instant now) throws SQLException {
    Timestamp ts = Timestamp.from(now);
    ps.setTimestamp(1, ts);
    ps.setTimestamp(2, ts);
    return 3;
  }

  /**
   * Marks FLOWN those of the just-written segments whose coupon was credited before the booking
   * file arrived (files may come in any order).
   */
  @Override
  public int linkAlreadyFlown(List<BookedSegment> segments, Instant now) {
    if (segments.isEmpty()) {
      return 0;
    }
    return jdbc.update(
        "link booked segments to flown coupons",
        """
        update accrual.booking_segment b %s
          from accrual.flown_coupon f
         where (b.pnr, b.passenger_no, b.segment_no) in %s
           and f.state = 'CREDITED' and %s"""
            .formatted(FLOWN_AS_COUPON_F, KEYS, MATCH),
        (c, ps) -> bindKeys(c, ps, bindNowTwice(ps, now), segments));
  }

  // ---------------------------------------------------------------- missing-miles claims

  /**
   * Matches a booked segment to a missing-miles claim: same flight, and same member or ticket, as
   * {@link #MATCH} does for a coupon.
   */
  private static final String CLAIM_MATCH =
      """
      b.marketing_carrier = c.marketing_carrier
         and b.flight_number = ltrim(c.flight_number, '0') and b.departure_date = c.flight_date
         and b.origin = c.origin
         and (b.member_number = c.member_number or b.ticket_number = c.ticket_number)""";

  /** A segment's link may be taken by a newer claim only while it has none or a rejected one. */
  private static final String LINK_FREE =
      """
      (b.claim_id is null or exists (select 1 from accrual.missing_miles_claim o
                                      where o.id = b.claim_id and o.status = 'REJECTED'))""";

  /**
   * Links the booked segments of a just-filed claim's flight to it (any state: a cancelled or
   * waitlisted booking is evidence too); returns how many.
   */
  @Override
  public int linkClaim(long claimId) {
    return jdbc.update(
        "link booked segments to claim " + claimId,
        """
        update accrual.booking_segment b set claim_id = c.id
          from accrual.missing_miles_claim c
         where c.id = ? and %s and %s"""
            .formatted(CLAIM_MATCH, LINK_FREE),
        (c, ps) -> ps.setLong(1, claimId));
  }

  /**
   * Links just-written segments to the newest claim not rejected that was filed for their flight
   * before the booking file arrived; only segments departed by today can have one (a claim's flight
   * is never in the future), so callers pass those alone.
   */
  @Override
  public int linkClaims(List<BookedSegment> segments) {
    if (segments.isEmpty()) {
      return 0;
    }
    return jdbc.update(
        "link booked segments to claims",
        """
        update accrual.booking_segment b
           set claim_id = (select max(c.id) from accrual.missing_miles_claim c
                            where c.status <> 'REJECTED' and %1$s)
         where (b.pnr, b.passenger_no, b.segment_no) in %2$s
           and %3$s
           and exists (select 1 from accrual.missing_miles_claim c
                        where c.status <> 'REJECTED' and %1$s)"""
            .formatted(CLAIM_MATCH, KEYS, LINK_FREE),
        (c, ps) -> bindKeys(c, ps, 1, segments));
  }

  /**
   * Marks the CONFIRMED or WAITLISTED segments linked to credited claims FLOWN with the coupon and
   * the miles it was credited (base, bonus and promotion miles as the coupon row holds them), as
   * {@link #linkAlreadyFlown} does; returns how many segments changed.
   */
  @Override
  public int claimsCredited(List<CreditedClaim> credited, Instant now) {
    if (credited.isEmpty()) {
      return 0;
    }
    return jdbc.update(
        "mark booked segments of credited claims flown",
        """
        update accrual.booking_segment b %s
          from unnest(?::bigint[], ?::char(13)[], ?::smallint[]) as k(id, t, n)
          join accrual.flown_coupon f on f.ticket_number = k.t and f.coupon_no = k.n
         where b.claim_id = k.id and b.state in ('CONFIRMED', 'WAITLISTED')
           and f.state = 'CREDITED'"""
            .formatted(FLOWN_AS_COUPON_F),
        (c, ps) -> {
          Object[][] cols =
              Jdbc.columns(credited, 3, k -> new Object[] {k.claimId(), k.ticket(), k.couponNo()});
          int i = bindNowTwice(ps, now);
          ps.setArray(i, Jdbc.array(c, "int8", cols[0]));
          ps.setArray(i + 1, Jdbc.array(c, "bpchar", cols[1]));
          ps.setArray(i + 2, Jdbc.array(c, "int2", cols[2]));
        });
  }

  /**
   * The booked segment of each claim among {@code claimIds} that has one: a FLOWN or CONFIRMED one
   * before a waitlisted or cancelled one, then the newest file's.
   */
  @Override
  public Map<Long, ClaimBooking> ofClaims(Collection<Long> claimIds) {
    Map<Long, ClaimBooking> out = new HashMap<>();
    if (claimIds.isEmpty()) {
      return out;
    }
    jdbc.list(
            "read the booked segments of claims",
            """
            select distinct on (claim_id) claim_id, pnr, passenger_no, segment_no,
                   booking_class, segment_status, state
              from accrual.booking_segment
             where claim_id = any(?::bigint[])
             order by claim_id,
                      case state when 'FLOWN' then 0 when 'CONFIRMED' then 1
                                 when 'WAITLISTED' then 2 else 3 end,
                      file_date desc, file_id desc""",
            (c, ps) -> ps.setArray(1, Jdbc.array(c, "int8", claimIds)),
            rs ->
                Map.entry(
                    rs.getLong("claim_id"),
                    ClaimBooking.of(
                        rs.getString("pnr"),
                        rs.getInt("passenger_no"),
                        rs.getInt("segment_no"),
                        rs.getString("booking_class"),
                        rs.getString("segment_status"),
                        rs.getString("state"))))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** The state a segment's status code gives it (CONFIRMED, WAITLISTED, CANCELLED), in SQL. */
  private static final String BOOKING_STATE = bookingState("b.segment_status");

  static String bookingState(String column) {
    StringBuilder sql = new StringBuilder("case");
    for (BookedSegment.Status st : BookedSegment.Status.values()) {
      sql.append(" when ").append(column).append(" in (");
      sql.append(
          String.join(
              ", ", BookedSegment.codes(st).stream().sorted().map(c -> "'" + c + "'").toList()));
      sql.append(") then '").append(st.name()).append("'");
    }
    return sql.append(" end").toString();
  }

  /**
   * Unlinks the FLOWN segments of coupons taken back (refunded, voided, exchanged; keys {@code
   * ticket/coupon}): each goes back to the state its segment status gives (CONFIRMED, WAITLISTED or
   * CANCELLED) with its expected miles, so a re-issued ticket's coupon can link it again; returns
   * how many.
   */
  @Override
  public int unlinkReversed(List<String> couponKeys, Instant now) {
    if (couponKeys.isEmpty()) {
      return 0;
    }
    return jdbc.update(
        "unlink booked segments of reversed coupons",
        """
        update accrual.booking_segment b
           set state = %s, flown_ticket = null, flown_coupon_no = null, credited_miles = null,
               flown_at = null, updated_at = ?
         where b.state = 'FLOWN' and (b.flown_ticket, b.flown_coupon_no) in %s"""
            .formatted(BOOKING_STATE, JdbcFlownCouponRepository.BY_KEYS),
        (c, ps) -> {
          ps.setTimestamp(1, Timestamp.from(now));
          JdbcFlownCouponRepository.bindKeys(c, ps, 2, couponKeys);
        });
  }

  /**
   * A flight number as stored for matching: leading zeros dropped ({@code 0213} is {@code 213}), so
   * a reservation system that pads and a revenue system that does not still match.
   */
  public static String flightNumber(String f) {
    return f.replaceFirst("^0+(?=[0-9])", "");
  }

  private static final String VIEW =
      """
      select pnr, passenger_no, segment_no, member_number, marketing_carrier, flight_number,
             departure_date, origin, destination, booking_class, segment_status, state,
             expected_base_miles, expected_bonus_miles, expected_qualifying_miles,
             expected_qualifying_flights, tier_code, reason_code, flown_ticket, flown_coupon_no,
             credited_miles, file_date, last_name, first_name, ticket_number, claim_id,
             (select c.status from accrual.missing_miles_claim c where c.id = b.claim_id)
               as claim_status
        from accrual.booking_segment b""";

  private static PassengerSegment row(ResultSet rs) throws SQLException {
    long credited = rs.getLong("credited_miles");
    boolean flown = !rs.wasNull();
    long base = rs.getLong("expected_base_miles");
    long bonus = rs.getLong("expected_bonus_miles");
    BookedSegmentView v =
        new BookedSegmentView(
            rs.getString("pnr"),
            rs.getInt("passenger_no"),
            rs.getInt("segment_no"),
            rs.getString("member_number"),
            rs.getString("marketing_carrier"),
            rs.getString("flight_number"),
            rs.getDate("departure_date").toLocalDate(),
            rs.getString("origin"),
            rs.getString("destination"),
            rs.getString("booking_class"),
            rs.getString("segment_status"),
            rs.getString("state"),
            base + bonus,
            base,
            bonus,
            rs.getLong("expected_qualifying_miles"),
            rs.getBigDecimal("expected_qualifying_flights"),
            rs.getString("tier_code"),
            rs.getString("reason_code"),
            flownCoupon(rs),
            flown ? credited : null,
            rs.getDate("file_date").toLocalDate(),
            claimId(rs),
            rs.getString("claim_status"));
    return new PassengerSegment(
        v, rs.getString("last_name"), rs.getString("first_name"), rs.getString("ticket_number"));
  }

  private static Long claimId(ResultSet rs) throws SQLException {
    long id = rs.getLong("claim_id");
    return rs.wasNull() ? null : id;
  }

  /** The member's confirmed segments departing on {@code from} or later, in departure order. */
  @Override
  public List<BookedSegmentView> pending(String member, LocalDate from) {
    return jdbc.list(
        "read pending miles of " + member,
        VIEW
            + """

             where b.member_number = ? and b.state = 'CONFIRMED' and b.departure_date >= ?
             order by b.departure_date, b.pnr, b.passenger_no, b.segment_no""",
        (c, ps) -> {
          ps.setString(1, member);
          ps.setDate(2, Date.valueOf(from));
        },
        rs -> row(rs).segment());
  }

  /** Every segment of a PNR, by passenger and segment number. */
  @Override
  public List<PassengerSegment> byPnr(String pnr) {
    return jdbc.list(
        "read booking " + pnr,
        VIEW
            + """

             where b.pnr = ? order by b.passenger_no, b.segment_no""",
        (c, ps) -> ps.setString(1, pnr),
        JdbcBookingRepository::row);
  }
}
