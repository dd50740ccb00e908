package org.openmiles.accrual.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openmiles.accrual.api.BookedSegment;
import org.openmiles.accrual.api.BookedSegmentView;
import org.openmiles.common.jdbc.Jdbc;

/**
 * Booked segments in {@code accrual.booking_segment}, written a chunk at a time (set-based) and
 * read for the pending-miles and booking views. A row keeps what the newest file said: the upsert
 * only overwrites a row whose (file date, file id) is older than the incoming file's.
 */
@ApplicationScoped
public class JdbcBookingRepository {

  @Inject Jdbc jdbc;

  /** What decides whether a file may update a stored segment: its version and state. */
  public record Stored(
      String key, String state, long fileId, LocalDate fileDate, long lineNo, String flownCoupon) {

    /** True when a file of {@code fileDate} registered as {@code fileId} is newer than this row. */
    public boolean olderThan(LocalDate fileDate, long fileId) {
      int c = this.fileDate.compareTo(fileDate);
      return c < 0 || (c == 0 && this.fileId < fileId);
    }
  }

  /**
   * A segment to store, with its state and what it is expected to earn (zeros and a reason if
   * nothing).
   */
  public record NewSegment(
      BookedSegment segment,
      String state,
      Integer distanceMiles,
      long baseMiles,
      long bonusMiles,
      long qualifyingMiles,
      BigDecimal qualifyingFlights,
      String tierCode,
      String reasonCode) {}

  /** A credited coupon, to find the booked segment it flew. */
  public record CreditedCoupon(
      String ticket,
      int couponNo,
      String member,
      String carrier,
      String flightNumber,
      LocalDate date,
      String origin,
      long miles) {}

  private static final String KEYS =
      "(select p, a, s from unnest(?::char(6)[], ?::smallint[], ?::smallint[]) as k(p, a, s))";

  /** The stored segments among {@code segments}, by {@link BookedSegment#key()}, locked. */
  public Map<String, Stored> findForUpdate(List<BookedSegment> segments) {
    Map<String, Stored> out = new HashMap<>();
    if (segments.isEmpty()) {
      return out;
    }
    jdbc.list(
            "read booked segments",
            "select pnr, passenger_no, segment_no, state, file_id, file_date, line_no,"
                + " flown_ticket, flown_coupon_no from accrual.booking_segment"
                + " where (pnr, passenger_no, segment_no) in "
                + KEYS
                + " order by id for update",
            (c, ps) -> bindKeys(c, ps, 1, segments),
            rs ->
                new Stored(
                    BookedSegment.key(rs.getString(1), rs.getInt(2), rs.getInt(3)),
                    rs.getString(4),
                    rs.getLong(5),
                    rs.getDate(6).toLocalDate(),
                    rs.getLong(7),
                    rs.getString(8) == null ? null : rs.getString(8) + "/" + rs.getInt(9)))
        .forEach(s -> out.put(s.key(), s));
    return out;
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
              return new Object[] {
                s.pnr(),
                s.passengerNumber(),
                s.segmentNumber(),
                s.lastName(),
                s.firstName(),
                s.member() == null ? null : s.member().value(),
                s.ticketNumber(),
                s.marketingCarrier(),
                s.flightNumber(),
                s.departureDate().toString(),
                s.origin(),
                s.destination(),
                s.bookingClass(),
                s.segmentStatus(),
                r.state(),
                r.distanceMiles(),
                r.baseMiles(),
                r.bonusMiles(),
                r.qualifyingMiles(),
                r.qualifyingFlights(),
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
        "insert into accrual.booking_segment as b (pnr, passenger_no, segment_no, last_name,"
            + " first_name, member_number, ticket_number, marketing_carrier, flight_number,"
            + " departure_date, origin, destination, booking_class, segment_status, state,"
            + " distance_miles, expected_base_miles, expected_bonus_miles,"
            + " expected_qualifying_miles, expected_qualifying_flights, tier_code, reason_code,"
            + " file_date, line_no, file_id, received_at, updated_at)"
            + " select x.*, ?, ? from unnest("
            + unnest
            + ") as x(p, a, s, ln, fn, m, t, c, fl, d, o, de, bc, ss, st, di, bm, bo, qm, qf, tc,"
            + " rc, fd, li, fi)"
            + " on conflict (pnr, passenger_no, segment_no) do update set"
            + " last_name = excluded.last_name, first_name = excluded.first_name,"
            + " member_number = excluded.member_number, ticket_number = excluded.ticket_number,"
            + " marketing_carrier = excluded.marketing_carrier,"
            + " flight_number = excluded.flight_number, departure_date = excluded.departure_date,"
            + " origin = excluded.origin, destination = excluded.destination,"
            + " booking_class = excluded.booking_class, segment_status = excluded.segment_status,"
            + " state = excluded.state, distance_miles = excluded.distance_miles,"
            + " expected_base_miles = excluded.expected_base_miles,"
            + " expected_bonus_miles = excluded.expected_bonus_miles,"
            + " expected_qualifying_miles = excluded.expected_qualifying_miles,"
            + " expected_qualifying_flights = excluded.expected_qualifying_flights,"
            + " tier_code = excluded.tier_code, reason_code = excluded.reason_code,"
            + " file_date = excluded.file_date, line_no = excluded.line_no,"
            + " file_id = excluded.file_id, updated_at = excluded.updated_at"
            + " where b.state <> 'FLOWN' and (b.file_date, b.file_id) < (excluded.file_date,"
            + " excluded.file_id)"
            + " returning pnr, passenger_no, segment_no";
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
            rs -> BookedSegment.key(rs.getString(1), rs.getInt(2), rs.getInt(3)))
        .forEach(written::add);
    return written;
  }

  /** Matches a booked segment to a credited coupon: same flight, and same member or ticket. */
  private static final String MATCH =
      " b.state in ('CONFIRMED', 'WAITLISTED') and b.marketing_carrier = f.marketing_carrier"
          + " and b.flight_number = ltrim(f.flight_number, '0') and b.departure_date = f.flight_date"
          + " and b.origin = f.origin and (b.member_number = f.member_number"
          + " or b.ticket_number = f.ticket_number)";

  /**
   * Marks the booked segments of credited coupons FLOWN, with the coupon and the miles it was
   * credited; returns how many segments changed.
   */
  public int markFlown(List<CreditedCoupon> coupons, Instant now) {
    if (coupons.isEmpty()) {
      return 0;
    }
    return jdbc.update(
        "mark booked segments flown",
        "update accrual.booking_segment b set state = 'FLOWN', flown_ticket = f.ticket_number,"
            + " flown_coupon_no = f.coupon_no, credited_miles = f.miles, flown_at = ?,"
            + " updated_at = ?, reason_code = null"
            + " from unnest(?::char(13)[], ?::smallint[], ?::varchar[], ?::char(2)[],"
            + " ?::varchar[], ?::date[], ?::char(3)[], ?::bigint[]) as f(ticket_number, coupon_no,"
            + " member_number, marketing_carrier, flight_number, flight_date, origin, miles)"
            + " where"
            + MATCH,
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
   * Marks FLOWN those of the just-written segments whose coupon was credited before the booking
   * file arrived (files may come in any order).
   */
  public int linkAlreadyFlown(List<BookedSegment> segments, Instant now) {
    if (segments.isEmpty()) {
      return 0;
    }
    return jdbc.update(
        "link booked segments to flown coupons",
        "update accrual.booking_segment b set state = 'FLOWN', flown_ticket = f.ticket_number,"
            + " flown_coupon_no = f.coupon_no,"
            + " credited_miles = f.base_miles + f.bonus_miles + f.promo_miles,"
            + " flown_at = coalesce(f.credited_at, ?), updated_at = ?, reason_code = null"
            + " from accrual.flown_coupon f"
            + " where (b.pnr, b.passenger_no, b.segment_no) in "
            + KEYS
            + " and f.state = 'CREDITED' and"
            + MATCH,
        (c, ps) -> {
          Timestamp ts = Timestamp.from(now);
          ps.setTimestamp(1, ts);
          ps.setTimestamp(2, ts);
          bindKeys(c, ps, 3, segments);
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
      "select pnr, passenger_no, segment_no, member_number, marketing_carrier, flight_number,"
          + " departure_date, origin, destination, booking_class, segment_status, state,"
          + " expected_base_miles, expected_bonus_miles, expected_qualifying_miles,"
          + " expected_qualifying_flights, tier_code, reason_code, flown_ticket, flown_coupon_no,"
          + " credited_miles, file_date, last_name, first_name, ticket_number"
          + " from accrual.booking_segment";

  /** A row with the passenger's names and ticket, for the booking view. */
  public record Row(BookedSegmentView segment, String lastName, String firstName, String ticket) {}

  private static Row row(ResultSet rs) throws SQLException {
    long credited = rs.getLong(21);
    boolean flown = !rs.wasNull();
    String ticket = rs.getString(19);
    BookedSegmentView v =
        new BookedSegmentView(
            rs.getString(1),
            rs.getInt(2),
            rs.getInt(3),
            rs.getString(4),
            rs.getString(5),
            rs.getString(6),
            rs.getDate(7).toLocalDate(),
            rs.getString(8),
            rs.getString(9),
            rs.getString(10),
            rs.getString(11),
            rs.getString(12),
            rs.getLong(13) + rs.getLong(14),
            rs.getLong(13),
            rs.getLong(14),
            rs.getLong(15),
            rs.getBigDecimal(16),
            rs.getString(17),
            rs.getString(18),
            ticket == null ? null : ticket + "/" + rs.getInt(20),
            flown ? credited : null,
            rs.getDate(22).toLocalDate());
    return new Row(v, rs.getString(23), rs.getString(24), rs.getString(25));
  }

  /** The member's confirmed segments departing on {@code from} or later, in departure order. */
  public List<BookedSegmentView> pending(String member, LocalDate from) {
    return jdbc.list(
        "read pending miles of " + member,
        VIEW
            + " where member_number = ? and state = 'CONFIRMED' and departure_date >= ?"
            + " order by departure_date, pnr, passenger_no, segment_no",
        (c, ps) -> {
          ps.setString(1, member);
          ps.setDate(2, Date.valueOf(from));
        },
        rs -> row(rs).segment());
  }

  /** Every segment of a PNR, by passenger and segment number. */
  public List<Row> byPnr(String pnr) {
    return jdbc.list(
        "read booking " + pnr,
        VIEW + " where pnr = ? order by passenger_no, segment_no",
        (c, ps) -> ps.setString(1, pnr),
        JdbcBookingRepository::row);
  }
}
