package org.openmiles.accrual.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openmiles.accrual.api.ActivityResult;
import org.openmiles.accrual.api.FlownCoupon;
import org.openmiles.accrual.domain.BookingRepository;
import org.openmiles.accrual.domain.CreditedCoupon;

/**
 * Links credited flown coupons to the booked segments they flew: same marketing carrier, flight
 * number, date and origin, and the same member number or ticket number. The segment becomes FLOWN
 * with the coupon and the miles actually credited, and so leaves the member's pending miles. Runs
 * in the flown-coupon chunk's transaction, after the ledger has answered. A coupon refunded, voided
 * or exchanged later unlinks its segment again.
 */
@ApplicationScoped
class FlownBookings {

  @Inject BookingRepository bookings;

  /** Marks the booked segments of the chunk's CREDITED coupons (results in chunk order) FLOWN. */
  void couponsCredited(List<FlownCoupon> chunk, List<ActivityResult> results, Instant now) {
    List<CreditedCoupon> credited = new ArrayList<>();
    for (int i = 0; i < chunk.size(); i++) {
      FlownCoupon c = chunk.get(i);
      ActivityResult r = results.get(i);
      if (r.outcome() == ActivityResult.Outcome.CREDITED && c.member() != null) {
        credited.add(
            new CreditedCoupon(
                c.ticketNumber(),
                c.couponNumber(),
                c.member().value(),
                c.flight().marketingCarrier(),
                c.flight().number(),
                c.flight().date(),
                c.flight().origin(),
                r.miles()));
      }
    }
    bookings.markFlown(credited, now);
  }

  /**
   * Unlinks the booked segments of coupons taken back ({@code ticket/coupon} keys): back to their
   * booking state (ADR 0022). No statement when the chunk reversed nothing.
   */
  void couponsReversed(List<String> couponKeys, Instant now) {
    bookings.unlinkReversed(couponKeys, now);
  }
}
