package org.openmiles.accrual.api;

import org.openmiles.accounts.api.SourceReference;
import org.openmiles.common.Sha256;

/**
 * The ledger source references of accrual's postings, built in this one place: each is the
 * idempotency key of its posting, so the same earning must always give the same reference.
 *
 * <ul>
 *   <li>a flown coupon's base miles: {@code F:<ticket>:<coupon>};
 *   <li>a partner record's miles: {@code P:<partner>:<transaction id>};
 *   <li>the tier bonus of a base posting: {@code <base>:TB};
 *   <li>the reversal of a base posting (and what it carried): {@code <base>:R};
 *   <li>a promotion's bonus on a base posting: {@code <base>:PR:<promotion code>}, or {@code
 *       PR:<code>:<SHA-256 of base>} when that would exceed the ledger's 120 characters.
 * </ul>
 */
public final class LedgerReferences {
  private LedgerReferences() {}

  /** The base miles of a flown coupon. */
  public static String flownCoupon(String ticket, int coupon) {
    return "F:" + ticket + ":" + coupon;
  }

  /** The miles of a partner activity record. */
  public static String partnerActivity(String partnerCode, String partnerTxId) {
    return "P:" + partnerCode + ":" + partnerTxId;
  }

  /** The tier bonus of the base posting {@code base}. */
  public static String tierBonus(String base) {
    return base + ":TB";
  }

  /** The reversal of the base posting {@code base}. */
  public static String reversal(String base) {
    return base + ":R";
  }

  /**
   * A promotion's bonus on the base posting {@code base}. Should {@code <base>:PR:<code>} exceed
   * the ledger's 120 characters (a 20-character partner code, a 64-character transaction id and a
   * long promotion code), the base reference is replaced by its SHA-256: {@code PR:<code>:<hex>}.
   */
  public static String promotionBonus(String base, String promotionCode) {
    String plain = base + ":PR:" + promotionCode;
    if (plain.length() <= SourceReference.MAX_LENGTH) {
      return plain;
    }
    return "PR:" + promotionCode + ":" + Sha256.hex(base);
  }
}
