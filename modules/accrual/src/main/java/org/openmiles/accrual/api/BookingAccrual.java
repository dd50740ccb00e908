package org.openmiles.accrual.api;

import java.util.List;
import org.openmiles.accounts.api.MemberNumber;

/**
 * Bookings from the reservation system's booking files, and the miles they are expected to earn.
 * The file adapter registers a file, hands its well-formed segments over in chunks (one transaction
 * each), and completes or rejects the file. Each segment is kept by PNR + passenger + segment; a
 * newer snapshot updates it and an older one never overwrites a newer one. Confirmed segments of
 * enrolled members are rated like flown coupons, at the member's current tier, so that agents and
 * members can see pending miles; nothing is ever posted to the ledger from a booking. When the
 * segment's coupon is credited, the segment becomes FLOWN and shows what was actually credited.
 */
public interface BookingAccrual extends InboundFileSink<BookedSegment> {

  /** The code of the host airline whose reservation system sends the files (e.g. VN). */
  String hostCarrier();

  /**
   * Stores or updates one chunk of segments; one result per segment, in order. Applied segments are
   * {@code CREDITED} with 0 miles (nothing is posted); segments a newer file already updated are
   * {@code DUPLICATE}.
   */
  @Override
  List<ActivityResult> credit(long fileId, List<BookedSegment> chunk);

  /**
   * The member's confirmed segments departing today (UTC) or later, with their expected miles and
   * the totals; refuses an unknown member with {@code MemberNotFoundException}.
   */
  PendingMilesView pendingMiles(MemberNumber member);

  /**
   * The PNR's passengers and segments; refuses an unknown PNR with {@link
   * BookingNotFoundException}.
   */
  BookingView booking(String pnr);
}
