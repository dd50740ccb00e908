package org.openmiles.cashmiles.domain;

import java.time.Instant;
import org.openmiles.cashmiles.api.PaymentStatus;

/**
 * When a payment was created and last updated, and when it was captured or voided (null until
 * then).
 */
public record PaymentTimes(
    Instant createdAt, Instant updatedAt, Instant capturedAt, Instant voidedAt) {

  /** A new payment's times. */
  public static PaymentTimes createdAt(Instant at) {
    return new PaymentTimes(at, at, null, null);
  }

  /** These times after the payment moved to {@code next} at {@code at}. */
  public PaymentTimes after(PaymentState next, Instant at) {
    return new PaymentTimes(
        createdAt,
        at,
        next.stored() == PaymentStatus.CAPTURED ? at : capturedAt,
        next.stored() == PaymentStatus.VOIDED ? at : voidedAt);
  }
}
