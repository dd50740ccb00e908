package org.openmiles.accounts.api;

/**
 * Kinds of ledger entry. Each moves the balance, the held miles, or both, in a fixed direction
 * (adjustments excepted, which may go either way). Corrections are new entries, never updates.
 */
public enum EntryType {
  /** Miles earned (flight, partner, bonus, goodwill credit). Creates an expiry lot. */
  CREDIT(1, 0),
  /** Miles spent outside a hold (award ticket, upgrade). Consumes lots oldest-expiry-first. */
  DEBIT(-1, 0),
  /** An agent's correction, signed. Positive creates a lot, negative consumes lots. */
  ADJUSTMENT(0, 0),
  /** Takes back an earlier credit (refunded coupon, reversed partner record). Consumes lots. */
  REVERSAL(-1, 0),
  /** Redeposit of earlier spent miles (cancelled award, refund). Creates a lot. */
  REDEPOSIT(1, 0),
  /** Miles that reached their expiry date, or expired for inactivity. */
  EXPIRY(-1, 0),
  /** Miles set aside for a pending payment; balance unchanged, available reduced. */
  HOLD(0, 1),
  /** A hold captured: the captured miles leave the balance, the whole hold leaves held. */
  HOLD_CAPTURE(-1, -1),
  /** A hold voided by its owner: held miles become available again. */
  HOLD_RELEASE(0, -1),
  /** A hold that reached its time limit unresolved. */
  HOLD_EXPIRY(0, -1),
  /**
   * A paid extension of expiring miles: balance and held unchanged; the miles move from their lots
   * to new lots with a later expiry (see {@link MilesLedger#extendExpiry}).
   */
  EXTENSION(0, 0),
  /** Every mile of a duplicate member leaving it for the survivor of a merge (ADR 0019). */
  MERGE_OUT(-1, 0),
  /** The duplicate's miles reaching the survivor of a merge; its lots keep their expiry dates. */
  MERGE_IN(1, 0);

  private final int balanceSign;
  private final int heldSign;

  EntryType(int balanceSign, int heldSign) {
    this.balanceSign = balanceSign;
    this.heldSign = heldSign;
  }

  /**
   * +1 adds to the balance, -1 takes from it, 0 leaves it (or, for ADJUSTMENT, follows the sign).
   */
  public int balanceSign() {
    return balanceSign;
  }

  public int heldSign() {
    return heldSign;
  }

  /**
   * The types a caller may post directly; hold and expiry entries come only from their operations.
   */
  public boolean isDirectlyPostable() {
    return this == CREDIT
        || this == DEBIT
        || this == ADJUSTMENT
        || this == REVERSAL
        || this == REDEPOSIT;
  }
}
