package org.openmiles.accrual.api;

/** Where a missing-miles claim stands. CREDITED and REJECTED are final. */
public enum ClaimStatus {
  /** No flown data for the coupon yet: a later flown-coupon file matches it. */
  PENDING,
  /** Flown data found, but it cannot be credited automatically: an agent decides. */
  PENDING_REVIEW,
  /** Credited to the claimant (or found credited to them already). */
  CREDITED,
  /** The coupon was refunded, voided or exchanged, or an agent rejected the claim. */
  REJECTED;

  public boolean isFinal() {
    return this == CREDITED || this == REJECTED;
  }
}
