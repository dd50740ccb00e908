package org.openmiles.accrual.api;

import java.util.Optional;
import java.util.regex.Pattern;
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

  private static final Pattern FLOWN_COUPON = Pattern.compile("F:[0-9]{13}:[0-9]{1,2}");
  private static final Pattern PARTNER_ACTIVITY = Pattern.compile("P:[A-Z0-9_]{2,20}:.+");

  /**
   * The base reference of an activity's own posting: {@code source} itself when it is a flown
   * coupon's or a partner record's base miles ({@code reversal} false), or the base it takes back
   * when it is such a posting's reversal ({@code <base>:R}, {@code reversal} true); empty for a
   * tier or promotion bonus and for every posting that is not accrual's. The ledger entry's type
   * (credit or reversal) decides which reading applies, so a partner transaction id that itself
   * ends in {@code :R} is still read right.
   */
  public static Optional<String> activityBase(String source, boolean reversal) {
    if (source == null) {
      return Optional.empty();
    }
    String base = source;
    if (reversal) {
      if (!source.endsWith(":R")) {
        return Optional.empty();
      }
      base = source.substring(0, source.length() - 2);
    }
    if (FLOWN_COUPON.matcher(base).matches()) {
      return Optional.of(base);
    }
    if (PARTNER_ACTIVITY.matcher(base).matches()
        && !base.endsWith(":TB")
        && !base.contains(":PR:")) {
      return Optional.of(base);
    }
    return Optional.empty();
  }
}
