package org.openmiles.cashmiles.api;

/**
 * Where a payment is in its life: AUTHORIZED (miles held) until CAPTURED (debited at ticketing),
 * VOIDED (hold released) or EXPIRED (hold past its time limit); a captured payment may then be
 * PARTIALLY_REFUNDED and REFUNDED. VOIDED, EXPIRED and REFUNDED are final.
 */
public enum PaymentStatus {
  AUTHORIZED,
  CAPTURED,
  VOIDED,
  EXPIRED,
  REFUNDED,
  PARTIALLY_REFUNDED;

  /** Captured at some point (so refundable while miles remain). */
  public boolean isCaptured() {
    return this == CAPTURED || this == PARTIALLY_REFUNDED || this == REFUNDED;
  }
}
