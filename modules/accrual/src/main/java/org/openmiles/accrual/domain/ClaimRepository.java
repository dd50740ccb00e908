package org.openmiles.accrual.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.openmiles.accrual.api.ClaimStatus;
import org.openmiles.accrual.api.ClaimView;
import org.openmiles.accrual.api.FlownCoupon;

/**
 * Missing-miles claims, and the flown coupons a claim names: found, locked per ticket and credited
 * to the claimant.
 */
public interface ClaimRepository {
  /** Takes the buckets of {@code tickets} shared (a flown-coupon chunk), in ascending order. */
  void lockTicketsShared(Collection<String> tickets);

  /** Takes the bucket of one ticket exclusively (a claim being filed or approved). */
  void lockTicket(String ticket);

  /** The coupon {@code ticket/coupon}, locked for update. */
  Optional<RecordedCoupon> couponForUpdate(String ticket, int coupon);

  /** The ticket's coupon for a flight (number, leading zeros ignored, and date), locked. */
  Optional<RecordedCoupon> couponForUpdate(String ticket, String flightNumber, LocalDate date);

  /**
   * Credits a coupon to a claimant: its member, state CREDITED, and the tier bonus it earned for
   * them (base and qualifying stay as rated when it was recorded).
   */
  void creditCoupon(
      String ticket, int coupon, String member, long bonusMiles, String tierCode, Instant now);

  /**
   * Records a coupon an agent credited from a claim (no file has brought it): CREDITED, so that a
   * later file carrying it is a duplicate. False if a row exists already.
   */
  boolean insertCreditedCoupon(
      FlownCoupon c, String member, FlightRating rated, String tierCode, Instant now);

  /** Inserts a PENDING claim; empty if it conflicts with another (duplicate or same key). */
  Optional<Long> insert(NewClaim n, Instant now);

  Optional<StoredClaim> find(long id);

  Optional<StoredClaim> findForUpdate(long id);

  Optional<StoredClaim> findByIdempotencyKey(String member, String key);

  /** The member's claim for this ticket and flight that is not rejected, if any. */
  Optional<StoredClaim> findOpen(
      String member, String ticket, LocalDate flightDate, String flightNumber);

  List<ClaimView> ofMember(String member, int limit);

  List<ClaimView> queue(ClaimStatus status, long afterId, int limit);

  void update(long id, ClaimResolution r, Instant now);

  /**
   * The PENDING claims naming one of the coupons {@code keys} ({@code ticket/coupon}), by coupon
   * number or, for claims without one, by flight number and date; claims locked, oldest first per
   * coupon.
   */
  List<PendingMatch> pendingFor(Collection<String> keys);
}
