package org.openmiles.accrual.api;

import java.util.Optional;
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
    if (isFlownCoupon(base)) {
      return Optional.of(base);
    }
    if (isPartnerActivity(base) && !base.endsWith(":TB") && !base.contains(":PR:")) {
      return Optional.of(base);
    }
    return Optional.empty();
  }

  // The two readers below are what the patterns F:[0-9]{13}:[0-9]{1,2} and P:[A-Z0-9_]{2,20}:.+
  // say, written out: every posting of a bulk file passes through them twice when retention keeps
  // its facts, and the regular expressions were a tenth of the server's time on that path.

  /** {@code F:<13 digits>:<1 or 2 digits>}. */
  static boolean isFlownCoupon(String s) {
    int n = s.length();
    if (n < 17 || n > 18 || !s.startsWith("F:") || s.charAt(15) != ':') {
      return false;
    }
    for (int i = 2; i < n; i++) {
      if (i != 15 && !isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code P:<2 to 20 of A-Z, 0-9, _>:<one or more characters, none a line terminator>} (a partner
   * code holds no colon, so the first colon after {@code P:} ends it).
   */
  static boolean isPartnerActivity(String s) {
    if (!s.startsWith("P:")) {
      return false;
    }
    int colon = s.indexOf(':', 2);
    int code = colon - 2;
    if (colon < 0 || code < 2 || code > 20 || colon == s.length() - 1) {
      return false;
    }
    for (int i = 2; i < colon; i++) {
      char c = s.charAt(i);
      if (!(isDigit(c) || (c >= 'A' && c <= 'Z') || c == '_')) {
        return false;
      }
    }
    for (int i = colon + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
