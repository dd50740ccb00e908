package org.openmiles.accrual.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openmiles.accrual.api.BookedSegment;
import org.openmiles.accrual.api.BookedSegmentView;
import org.openmiles.accrual.api.ClaimBooking;

/** Booked segments: written a chunk at a time, linked to the coupons and claims that fly them. */
public interface BookingRepository {
  /** The stored segments among {@code segments}, by {@link BookedSegment#key()}, locked. */
  Map<String, StoredSegment> findForUpdate(List<BookedSegment> segments);

  /**
   * Inserts new segments and updates stored ones that are older than this file and not flown, in
   * one statement; returns the keys actually written (a concurrent newer file may have won).
   */
  Set<String> upsert(long fileId, List<NewSegment> rows, Instant now);

  /**
   * Marks the booked segments of credited coupons FLOWN, with the coupon and the miles it was
   * credited; returns how many segments changed.
   */
  int markFlown(List<CreditedCoupon> coupons, Instant now);

  /**
   * Marks FLOWN those of the just-written segments whose coupon was credited before the booking
   * file arrived (files may come in any order).
   */
  int linkAlreadyFlown(List<BookedSegment> segments, Instant now);

  /**
   * Links the booked segments of a just-filed claim's flight to it (any state: a cancelled or
   * waitlisted booking is evidence too); returns how many.
   */
  int linkClaim(long claimId);

  /**
   * Links just-written segments to the newest claim not rejected that was filed for their flight
   * before the booking file arrived; only segments departed by today can have one (a claim's flight
   * is never in the future), so callers pass those alone.
   */
  int linkClaims(List<BookedSegment> segments);

  /**
   * Marks the CONFIRMED or WAITLISTED segments linked to credited claims FLOWN with the coupon and
   * the miles it was credited (base, bonus and promotion miles as the coupon row holds them), as
   * {@link #linkAlreadyFlown} does; returns how many segments changed.
   */
  int claimsCredited(List<CreditedClaim> credited, Instant now);

  /**
   * The booked segment of each claim among {@code claimIds} that has one: a FLOWN or CONFIRMED one
   * before a waitlisted or cancelled one, then the newest file's.
   */
  Map<Long, ClaimBooking> ofClaims(Collection<Long> claimIds);

  /**
   * Unlinks the FLOWN segments of coupons taken back (refunded, voided, exchanged; keys {@code
   * ticket/coupon}): each goes back to the state its segment status gives (CONFIRMED, WAITLISTED or
   * CANCELLED) with its expected miles, so a re-issued ticket's coupon can link it again; returns
   * how many.
   */
  int unlinkReversed(List<String> couponKeys, Instant now);

  /** The member's confirmed segments departing on {@code from} or later, in departure order. */
  List<BookedSegmentView> pending(String member, LocalDate from);

  /** Every segment of a PNR, by passenger and segment number. */
  List<PassengerSegment> byPnr(String pnr);
}
