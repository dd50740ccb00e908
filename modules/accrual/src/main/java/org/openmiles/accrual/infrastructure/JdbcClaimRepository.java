package org.openmiles.accrual.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.openmiles.accounts.api.Qualifying;
import org.openmiles.accrual.api.ClaimStatus;
import org.openmiles.accrual.api.ClaimView;
import org.openmiles.accrual.api.CouponKey;
import org.openmiles.accrual.api.Fare;
import org.openmiles.accrual.api.FileClaim;
import org.openmiles.accrual.api.Flight;
import org.openmiles.accrual.api.FlownCoupon;
import org.openmiles.accrual.domain.ClaimRepository;
import org.openmiles.accrual.domain.ClaimResolution;
import org.openmiles.accrual.domain.CouponState;
import org.openmiles.accrual.domain.FlightRating;
import org.openmiles.accrual.domain.NewClaim;
import org.openmiles.accrual.domain.PendingMatch;
import org.openmiles.accrual.domain.RecordedCoupon;
import org.openmiles.accrual.domain.StoredClaim;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.common.text.Texts;

/**
 * Missing-miles claims in {@code accrual.missing_miles_claim}, and what claims read and write of
 * {@code accrual.flown_coupon}: the coupon a claim names (locked), its credit to a claimant, and
 * the row an agent's approval records.
 *
 * <p>Claims and flown-coupon chunks serialise on a ticket through transaction-scoped advisory locks
 * on {@link #BUCKETS} buckets of the ticket number: a chunk takes its tickets' buckets shared
 * before it touches any coupon, a claim takes its ticket's bucket exclusively before it reads the
 * coupon. So a claim filed while the coupon is being recorded either sees the committed coupon, or
 * is committed (PENDING) before the chunk looks for pending claims. Row locks alone cannot do this:
 * a coupon not recorded yet has no row to lock. Both sides take the buckets before any row lock,
 * and a chunk takes them in ascending order, so they cannot deadlock with each other.
 */
@ApplicationScoped
public class JdbcClaimRepository implements ClaimRepository {
  /** Buckets of ticket numbers: at most this many advisory locks per chunk. */
  public static final int BUCKETS = 64;

  /** First key of the two-key advisory locks: distinct from the cluster lock's one-key space. */
  private static final int LOCK_SPACE = 0x4d4d4331; // "MMC1"

  @Inject Jdbc jdbc;

  // ---------------------------------------------------------------- locks

  /** Bucket of a ticket number for the advisory locks. */
  static int bucket(String ticket) {
    return Math.floorMod(ticket.strip().hashCode(), BUCKETS);
  }

  /** Takes the buckets of {@code tickets} shared (a flown-coupon chunk), in ascending order. */
  @Override
  public void lockTicketsShared(Collection<String> tickets) {
    TreeSet<Integer> buckets = new TreeSet<>();
    tickets.forEach(t -> buckets.add(bucket(t)));
    if (buckets.isEmpty()) {
      return;
    }
    Object[] ordered = buckets.toArray();
    jdbc.list(
        "lock the tickets of a flown-coupon chunk",
        """
        select count(*) as locked
          from (select pg_advisory_xact_lock_shared(?, b) from unnest(?::int[]) as b) x""",
        (c, ps) -> {
          ps.setInt(1, LOCK_SPACE);
          ps.setArray(2, Jdbc.array(c, "int4", ordered));
        },
        rs -> rs.getLong("locked"));
  }

  /** Takes the bucket of one ticket exclusively (a claim being filed or approved). */
  @Override
  public void lockTicket(String ticket) {
    jdbc.list(
        "lock ticket " + ticket,
        "select 1 as locked from (select pg_advisory_xact_lock(?, ?)) x",
        (c, ps) -> {
          ps.setInt(1, LOCK_SPACE);
          ps.setInt(2, bucket(ticket));
        },
        rs -> rs.getInt("locked"));
  }

  // ---------------------------------------------------------------- coupons

  /** The columns of a coupon, named {@code f_<column>} so that they can join a claim's. */
  private static final String COUPON =
      """
      select f.ticket_number as f_ticket_number, f.coupon_no as f_coupon_no,
             f.coupon_status as f_coupon_status, f.member_number as f_member_number,
             f.last_name as f_last_name, f.first_name as f_first_name,
             f.marketing_carrier as f_marketing_carrier,
             f.operating_carrier as f_operating_carrier, f.flight_number as f_flight_number,
             f.flight_date as f_flight_date, f.origin as f_origin,
             f.destination as f_destination, f.booking_class as f_booking_class,
             f.fare_basis as f_fare_basis, f.base_fare as f_base_fare,
             f.currency as f_currency, f.base_miles as f_base_miles,
             f.qualifying_miles as f_qualifying_miles,
             f.qualifying_flights as f_qualifying_flights, f.state as f_state,
             f.qualifying_spend as f_qualifying_spend""";

  private static RecordedCoupon coupon(ResultSet rs) throws SQLException {
    FlownCoupon flown =
        new FlownCoupon(
            rs.getString("f_ticket_number"),
            rs.getInt("f_coupon_no"),
            rs.getString("f_coupon_status").charAt(0),
            null,
            rs.getString("f_last_name"),
            rs.getString("f_first_name"),
            new Flight(
                rs.getString("f_marketing_carrier"),
                rs.getString("f_operating_carrier"),
                rs.getString("f_flight_number"),
                rs.getDate("f_flight_date").toLocalDate(),
                rs.getString("f_origin"),
                rs.getString("f_destination")),
            new Fare(
                rs.getString("f_booking_class"),
                rs.getString("f_fare_basis"),
                rs.getBigDecimal("f_base_fare"),
                rs.getString("f_currency")),
            0);
    return new RecordedCoupon(
        flown,
        rs.getString("f_member_number"),
        rs.getLong("f_base_miles"),
        Qualifying.of(
            rs.getLong("f_qualifying_miles"),
            rs.getBigDecimal("f_qualifying_flights"),
            rs.getBigDecimal("f_qualifying_spend")),
        CouponState.valueOf(rs.getString("f_state")));
  }

  /** The coupon {@code ticket/coupon}, locked for update. */
  @Override
  public Optional<RecordedCoupon> couponForUpdate(String ticket, int coupon) {
    return jdbc.first(
        "read coupon " + ticket + "/" + coupon,
        COUPON
            + """

              from accrual.flown_coupon f
             where f.ticket_number = ? and f.coupon_no = ? for update""",
        (c, ps) -> {
          ps.setString(1, ticket);
          ps.setInt(2, coupon);
        },
        JdbcClaimRepository::coupon);
  }

  /** The ticket's coupon for a flight (number, leading zeros ignored, and date), locked. */
  @Override
  public Optional<RecordedCoupon> couponForUpdate(
      String ticket, String flightNumber, LocalDate date) {
    return jdbc.first(
        "read the coupon of ticket " + ticket + " for flight " + flightNumber + " on " + date,
        COUPON
            + """

              from accrual.flown_coupon f
             where f.ticket_number = ? and ltrim(f.flight_number, '0') = ltrim(?, '0')
               and f.flight_date = ?
             order by f.coupon_no for update""",
        (c, ps) -> {
          ps.setString(1, ticket);
          ps.setString(2, flightNumber);
          ps.setDate(3, Date.valueOf(date));
        },
        JdbcClaimRepository::coupon);
  }

  /**
   * Credits a coupon to a claimant: its member, state CREDITED, and the tier bonus it earned for
   * them (base and qualifying stay as rated when it was recorded).
   */
  @Override
  public void creditCoupon(
      String ticket, int coupon, String member, long bonusMiles, String tierCode, Instant now) {
    jdbc.update(
        "credit coupon " + ticket + "/" + coupon + " to " + member,
        """
        update accrual.flown_coupon set state = 'CREDITED', member_number = ?, bonus_miles = ?,
               tier_code = ?, reason_code = 'CLAIMED', credited_at = ?
         where ticket_number = ? and coupon_no = ?""",
        (c, ps) -> {
          ps.setString(1, member);
          ps.setLong(2, bonusMiles);
          ps.setString(3, tierCode);
          ps.setTimestamp(4, Timestamp.from(now));
          ps.setString(5, ticket);
          ps.setInt(6, coupon);
        });
  }

  /**
   * Records a coupon an agent credited from a claim (no file has brought it): CREDITED, so that a
   * later file carrying it is a duplicate. False if a row exists already.
   */
  @Override
  public boolean insertCreditedCoupon(
      FlownCoupon c, String member, FlightRating rated, String tierCode, Instant now) {
    return jdbc.update(
            "record coupon " + c.key() + " credited by a claim",
            """
            insert into accrual.flown_coupon (ticket_number, coupon_no, coupon_status,
                   member_number, last_name, first_name, marketing_carrier, operating_carrier,
                   flight_number, flight_date, origin, destination, booking_class, fare_basis,
                   base_fare, currency, distance_miles, base_miles, bonus_miles,
                   qualifying_miles, qualifying_flights, tier_code, state, reason_code,
                   received_at, credited_at)
            values (?, ?, 'F', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', 0, ?, ?, ?, ?, ?, ?, ?,
                    'CREDITED', 'CLAIM_APPROVED', ?, ?)
            on conflict (ticket_number, coupon_no) do nothing""",
            (cn, ps) -> {
              Timestamp ts = Timestamp.from(now);
              int i = 0;
              ps.setString(++i, c.ticketNumber());
              ps.setInt(++i, c.couponNumber());
              ps.setString(++i, member);
              ps.setString(++i, c.lastName());
              ps.setString(++i, c.firstName());
              ps.setString(++i, c.flight().marketingCarrier());
              ps.setString(++i, c.flight().operatingCarrier());
              ps.setString(++i, c.flight().number());
              ps.setDate(++i, Date.valueOf(c.flight().date()));
              ps.setString(++i, c.flight().origin());
              ps.setString(++i, c.flight().destination());
              ps.setString(++i, c.fare().bookingClass());
              ps.setString(++i, c.fare().currency());
              ps.setInt(++i, rated.distanceMiles());
              ps.setLong(++i, rated.baseMiles());
              ps.setLong(++i, rated.bonusMiles());
              ps.setLong(++i, rated.qualifyingMiles());
              ps.setBigDecimal(++i, rated.qualifyingFlights());
              ps.setString(++i, tierCode);
              ps.setTimestamp(++i, ts);
              ps.setTimestamp(++i, ts);
            })
        == 1;
  }

  // ---------------------------------------------------------------- claims

  /** The columns of a claim. */
  private static final String CLAIM_COLUMNS =
      """
      c.id, c.member_number, c.ticket_number, c.coupon_no, c.marketing_carrier,
             c.flight_number, c.flight_date, c.origin, c.destination, c.booking_class, c.status,
             c.reason_code, c.reason_text, c.matched_ticket, c.matched_coupon_no,
             c.miles_credited, c.qualifying_miles, c.reviewed_by, c.review_note, c.created_at,
             c.updated_at, c.resolved_at, c.request_hash""";

  private static final String CLAIM = "select " + CLAIM_COLUMNS;

  private static StoredClaim claim(ResultSet rs) throws SQLException {
    int coupon = rs.getInt("coupon_no");
    Integer couponNo = rs.wasNull() ? null : coupon;
    String matchedTicket = rs.getString("matched_ticket");
    String matched =
        matchedTicket == null
            ? null
            : CouponKey.format(matchedTicket, rs.getInt("matched_coupon_no"));
    Timestamp resolved = rs.getTimestamp("resolved_at");
    return new StoredClaim(
        new ClaimView(
            rs.getLong("id"),
            rs.getString("member_number"),
            rs.getString("ticket_number"),
            couponNo,
            rs.getString("marketing_carrier"),
            rs.getString("flight_number"),
            rs.getDate("flight_date").toLocalDate(),
            rs.getString("origin"),
            rs.getString("destination"),
            rs.getString("booking_class"),
            ClaimStatus.valueOf(rs.getString("status")),
            rs.getString("reason_code"),
            rs.getString("reason_text"),
            matched,
            rs.getLong("miles_credited"),
            rs.getLong("qualifying_miles"),
            rs.getString("reviewed_by"),
            rs.getString("review_note"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant(),
            resolved == null ? null : resolved.toInstant(),
            null),
        rs.getString("request_hash"));
  }

  /** Inserts a PENDING claim; empty if it conflicts with another (duplicate or same key). */
  @Override
  public Optional<Long> insert(NewClaim n, Instant now) {
    FileClaim f = n.claim();
    return jdbc.first(
        "file a claim of " + n.member() + " for ticket " + f.ticketNumber(),
        """
        insert into accrual.missing_miles_claim (member_number, ticket_number, coupon_no,
               marketing_carrier, flight_number, flight_date, origin, destination, booking_class,
               status, idempotency_key, request_hash, created_at, updated_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?)
        on conflict do nothing returning id""",
        (c, ps) -> {
          Timestamp ts = Timestamp.from(now);
          ps.setString(1, n.member());
          ps.setString(2, f.ticketNumber());
          if (f.couponNumber() == null) {
            ps.setNull(3, Types.SMALLINT);
          } else {
            ps.setInt(3, f.couponNumber());
          }
          ps.setString(4, f.carrier());
          ps.setString(5, f.flightNumber());
          ps.setDate(6, Date.valueOf(f.flightDate()));
          ps.setString(7, f.origin());
          ps.setString(8, f.destination());
          ps.setString(9, f.bookingClass());
          ps.setString(10, n.idempotencyKey());
          ps.setString(11, n.requestHash());
          ps.setTimestamp(12, ts);
          ps.setTimestamp(13, ts);
        },
        rs -> rs.getLong("id"));
  }

  @Override
  public Optional<StoredClaim> find(long id) {
    return jdbc.first(
        "read claim " + id,
        CLAIM + " from accrual.missing_miles_claim c where c.id = ?",
        (c, ps) -> ps.setLong(1, id),
        JdbcClaimRepository::claim);
  }

  @Override
  public Optional<StoredClaim> findForUpdate(long id) {
    return jdbc.first(
        "read claim " + id,
        CLAIM + " from accrual.missing_miles_claim c where c.id = ? for update",
        (c, ps) -> ps.setLong(1, id),
        JdbcClaimRepository::claim);
  }

  @Override
  public Optional<StoredClaim> findByIdempotencyKey(String member, String key) {
    return jdbc.first(
        "read the claim of " + member + " filed with Idempotency-Key " + key,
        CLAIM
            + """

              from accrual.missing_miles_claim c
             where c.member_number = ? and c.idempotency_key = ?""",
        (c, ps) -> {
          ps.setString(1, member);
          ps.setString(2, key);
        },
        JdbcClaimRepository::claim);
  }

  /** The member's claim for this ticket and flight that is not rejected, if any. */
  @Override
  public Optional<StoredClaim> findOpen(
      String member, String ticket, LocalDate flightDate, String flightNumber) {
    return jdbc.first(
        "look for a claim of " + member + " for ticket " + ticket,
        CLAIM
            + """

              from accrual.missing_miles_claim c
             where c.member_number = ? and c.ticket_number = ? and c.flight_date = ?
               and c.flight_number = ? and c.status <> 'REJECTED'""",
        (c, ps) -> {
          ps.setString(1, member);
          ps.setString(2, ticket);
          ps.setDate(3, Date.valueOf(flightDate));
          ps.setString(4, flightNumber);
        },
        JdbcClaimRepository::claim);
  }

  @Override
  public List<ClaimView> ofMember(String member, int limit) {
    return jdbc
        .list(
            "read the claims of " + member,
            CLAIM
                + """

                  from accrual.missing_miles_claim c
                 where c.member_number = ? order by c.id desc limit ?""",
            (c, ps) -> {
              ps.setString(1, member);
              ps.setInt(2, limit);
            },
            JdbcClaimRepository::claim)
        .stream()
        .map(StoredClaim::view)
        .toList();
  }

  @Override
  public List<ClaimView> queue(ClaimStatus status, long afterId, int limit) {
    return jdbc
        .list(
            "read the " + status + " claims",
            CLAIM
                + """

                  from accrual.missing_miles_claim c
                 where c.status = ? and c.id > ? order by c.id limit ?""",
            (c, ps) -> {
              ps.setString(1, status.name());
              ps.setLong(2, afterId);
              ps.setInt(3, limit);
            },
            JdbcClaimRepository::claim)
        .stream()
        .map(StoredClaim::view)
        .toList();
  }

  @Override
  public void update(long id, ClaimResolution r, Instant now) {
    jdbc.update(
        "update claim " + id,
        """
        update accrual.missing_miles_claim set status = ?, reason_code = ?, reason_text = ?,
               matched_ticket = ?, matched_coupon_no = ?, miles_credited = ?,
               qualifying_miles = ?, reviewed_by = coalesce(?, reviewed_by),
               review_note = coalesce(?, review_note), updated_at = ?,
               resolved_at = case when ? in ('CREDITED', 'REJECTED') then ?::timestamptz end
         where id = ?""",
        (c, ps) -> {
          Timestamp ts = Timestamp.from(now);
          ps.setString(1, r.status().name());
          ps.setString(2, r.reasonCode());
          ps.setString(3, Texts.truncate(r.reasonText(), 500));
          ps.setString(4, r.matchedTicket());
          if (r.matchedCoupon() == null) {
            ps.setNull(5, Types.SMALLINT);
          } else {
            ps.setInt(5, r.matchedCoupon());
          }
          ps.setLong(6, r.milesCredited());
          ps.setLong(7, r.qualifyingMiles());
          ps.setString(8, r.reviewedBy());
          ps.setString(9, r.reviewNote());
          ps.setTimestamp(10, ts);
          ps.setString(11, r.status().name());
          ps.setTimestamp(12, ts);
          ps.setLong(13, id);
        });
  }

  /**
   * The PENDING claims naming one of the coupons {@code keys} ({@code ticket/coupon}), by coupon
   * number or, for claims without one, by flight number and date; claims locked, oldest first per
   * coupon.
   */
  @Override
  public List<PendingMatch> pendingFor(Collection<String> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    List<CouponKey> parsed = keys.stream().map(CouponKey::parse).toList();
    Object[] tickets = parsed.stream().map(CouponKey::ticket).toArray();
    Object[] numbers = parsed.stream().map(CouponKey::coupon).toArray();
    return jdbc.list(
        "read the pending claims of recorded coupons",
        CLAIM
            + ", "
            + COUPON.substring("select ".length())
            + """

              from accrual.missing_miles_claim c
              join accrual.flown_coupon f
                on f.ticket_number = c.ticket_number
               and (f.coupon_no = c.coupon_no
                    or (c.coupon_no is null
                        and ltrim(f.flight_number, '0') = ltrim(c.flight_number, '0')
                        and f.flight_date = c.flight_date))
             where c.status = 'PENDING' and c.ticket_number in (select unnest(?::char(13)[]))
               and (f.ticket_number, f.coupon_no) in
                   (select t, n from unnest(?::char(13)[], ?::smallint[]) as k(t, n))
             order by f.ticket_number, f.coupon_no, c.id for update of c""",
        (Connection c, PreparedStatement ps) -> {
          ps.setArray(1, Jdbc.array(c, "bpchar", tickets));
          ps.setArray(2, Jdbc.array(c, "bpchar", tickets));
          ps.setArray(3, Jdbc.array(c, "int2", numbers));
        },
        rs -> new PendingMatch(claim(rs), coupon(rs)));
  }
}
