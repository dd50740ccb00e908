package org.openmiles.cashmiles.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openmiles.cashmiles.api.PaymentStatus;
import org.openmiles.common.OpenMilesException;

class PaymentStateTest {
  private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
  private static final Instant HOLD_END = T0.plusSeconds(900);

  private final PaymentState authorized = PaymentState.authorized(10_000, HOLD_END);

  private static String code(Runnable r) {
    try {
      r.run();
      return "OK";
    } catch (OpenMilesException e) {
      return e.code();
    }
  }

  @Test
  void anAuthorizedPaymentIsCapturedInFull() {
    PaymentState captured = authorized.capture(T0);
    assertThat(captured.stored()).isEqualTo(PaymentStatus.CAPTURED);
    assertThat(captured.capturedMiles()).isEqualTo(10_000);
    assertThat(captured.refundableMiles()).isEqualTo(10_000);
  }

  @Test
  void theHoldsTimeLimitMakesItExpiredAtTheInstantItEnds() {
    assertThat(authorized.statusAt(HOLD_END.minusMillis(1))).isEqualTo(PaymentStatus.AUTHORIZED);
    assertThat(authorized.statusAt(HOLD_END)).isEqualTo(PaymentStatus.EXPIRED);
    assertThat(code(() -> authorized.capture(HOLD_END))).isEqualTo("HOLD_EXPIRED");
    assertThat(code(() -> authorized.voidHold(HOLD_END))).isEqualTo("HOLD_EXPIRED");
    assertThat(code(() -> authorized.refund(null, HOLD_END))).isEqualTo("NOT_CAPTURED");
    // a captured payment does not expire
    assertThat(authorized.capture(T0).statusAt(HOLD_END.plusSeconds(1)))
        .isEqualTo(PaymentStatus.CAPTURED);
  }

  @Test
  void voidAndCaptureExcludeEachOther() {
    PaymentState voided = authorized.voidHold(T0);
    assertThat(voided.stored()).isEqualTo(PaymentStatus.VOIDED);
    assertThat(code(() -> voided.capture(T0))).isEqualTo("ALREADY_VOIDED");
    assertThat(code(() -> voided.voidHold(T0))).isEqualTo("ALREADY_VOIDED");
    assertThat(code(() -> voided.refund(null, T0))).isEqualTo("NOT_CAPTURED");
    PaymentState captured = authorized.capture(T0);
    assertThat(code(() -> captured.capture(T0))).isEqualTo("ALREADY_CAPTURED");
    assertThat(code(() -> captured.voidHold(T0))).isEqualTo("ALREADY_CAPTURED");
  }

  @Test
  void refundsGoUpToTheCapturedMiles() {
    PaymentState part = authorized.capture(T0).refund(4_000L, T0);
    assertThat(part.stored()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
    assertThat(part.refundedMiles()).isEqualTo(4_000);
    assertThat(code(() -> part.refund(6_001L, T0))).isEqualTo("REFUND_EXCEEDS_CAPTURE");
    assertThat(code(() -> part.refund(0L, T0))).isEqualTo("VALIDATION_FAILED");
    PaymentState rest = part.refund(null, T0);
    assertThat(rest.stored()).isEqualTo(PaymentStatus.REFUNDED);
    assertThat(rest.refundedMiles()).isEqualTo(10_000);
    assertThat(code(() -> rest.refund(null, T0))).isEqualTo("REFUND_EXCEEDS_CAPTURE");
    assertThat(code(() -> rest.capture(T0))).isEqualTo("ALREADY_CAPTURED");
  }

  @Test
  void onlyAnAuthorizedPaymentExpires() {
    assertThat(authorized.expire().stored()).isEqualTo(PaymentStatus.EXPIRED);
    assertThatThrownBy(() -> authorized.capture(T0).expire())
        .isInstanceOf(IllegalStateException.class);
  }
}
