package org.openmiles.cashmiles.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmiles.cashmiles.api.RefundReason;

/** The small values a stored payment is made of: refund rules, times, the booking it pays. */
class PaymentValuesTest {
  private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
  private static final Instant T1 = T0.plusSeconds(60);
  private static final Instant T2 = T0.plusSeconds(120);

  @Test
  void eachRefundReasonReadsItsOwnRule() {
    RefundRules voluntaryOnly = new RefundRules(true, false);
    assertThat(voluntaryOnly.redeposits(RefundReason.VOLUNTARY)).isTrue();
    assertThat(voluntaryOnly.redeposits(RefundReason.INVOLUNTARY)).isFalse();
    RefundRules involuntaryOnly = new RefundRules(false, true);
    assertThat(involuntaryOnly.redeposits(RefundReason.VOLUNTARY)).isFalse();
    assertThat(involuntaryOnly.redeposits(RefundReason.INVOLUNTARY)).isTrue();
  }

  @Test
  void aCaptureStampsCapturedAtAndAVoidVoidedAtAndEveryMoveUpdatedAt() {
    PaymentState authorized = PaymentState.authorized(10_000, T0.plusSeconds(900));
    PaymentTimes created = PaymentTimes.createdAt(T0);
    assertThat(created).isEqualTo(new PaymentTimes(T0, T0, null, null));

    PaymentState captured = authorized.capture(T1);
    PaymentTimes afterCapture = created.after(captured, T1);
    assertThat(afterCapture).isEqualTo(new PaymentTimes(T0, T1, T1, null));
    PaymentTimes afterRefund = afterCapture.after(captured.refund(1_000L, T2), T2);
    assertThat(afterRefund).isEqualTo(new PaymentTimes(T0, T2, T1, null));

    assertThat(created.after(authorized.voidHold(T1), T1))
        .isEqualTo(new PaymentTimes(T0, T1, null, T1));
  }

  @Test
  void aBookingKeepsItsTicketsUnlessNewOnesAreGiven() {
    PaidBooking booking = new PaidBooking("K7QX2M", List.of());
    assertThat(booking.ticketed(null)).isEqualTo(booking);
    assertThat(booking.ticketed(List.of())).isEqualTo(booking);
    PaidBooking ticketed = booking.ticketed(List.of("7381234567890"));
    assertThat(ticketed).isEqualTo(new PaidBooking("K7QX2M", List.of("7381234567890")));
    assertThat(ticketed.ticketed(List.of())).isEqualTo(ticketed);
  }
}
