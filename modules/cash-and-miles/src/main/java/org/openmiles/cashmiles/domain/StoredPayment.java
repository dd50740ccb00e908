package org.openmiles.cashmiles.domain;

import java.time.Instant;
import java.util.List;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.cashmiles.api.ClientId;
import org.openmiles.cashmiles.api.PaymentView;

/**
 * A payment row with what its quote fixed ({@link PaymentPricing}: the split, the taxes and fees,
 * and the refund rules needed to refund it), the booking it pays for, and its times. Its state
 * machine is {@link #state()}.
 */
public record StoredPayment(
    long id,
    ClientId client,
    MemberNumber member,
    PaymentPricing pricing,
    PaymentState state,
    String holdReference,
    PaidBooking booking,
    PaymentTimes times) {

  /**
   * This payment after {@link PaymentRepository#update} stored {@code next} at {@code at}: what a
   * read after the update would give, without the read.
   */
  public StoredPayment updated(PaymentState next, List<String> tickets, Instant at) {
    return new StoredPayment(
        id,
        client,
        member,
        pricing,
        next,
        holdReference,
        booking.ticketed(tickets),
        times.after(next, at));
  }

  public PaymentView viewAt(Instant now) {
    return new PaymentView(
        id,
        state.statusAt(now),
        member,
        pricing.quoteToken(),
        state.miles(),
        pricing.split().milesValue(),
        pricing.split().cashForFare(),
        pricing.taxesAndFees(),
        pricing.split().totalCash(),
        booking.reference(),
        booking.ticketNumbers(),
        state.capturedMiles(),
        state.refundedMiles(),
        holdReference,
        state.holdExpiresAt(),
        times.createdAt(),
        times.updatedAt(),
        times.capturedAt(),
        times.voidedAt());
  }
}
