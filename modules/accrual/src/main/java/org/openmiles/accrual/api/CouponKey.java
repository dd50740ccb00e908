package org.openmiles.accrual.api;

/**
 * A coupon's identity as files, claims and messages write it: {@code <ticket>/<coupon>}, for
 * example {@code 7381234567890/1}. One place writes and reads that form.
 */
public record CouponKey(String ticket, int coupon) {

  /** The key {@code ticket/coupon}, without building a record (a flown-coupon file builds many). */
  public static String format(String ticket, int coupon) {
    return ticket + "/" + coupon;
  }

  /** Reads {@code ticket/coupon}; anything else is refused. */
  public static CouponKey parse(String key) {
    int slash = key.indexOf('/');
    if (slash <= 0 || slash != key.lastIndexOf('/') || slash == key.length() - 1) {
      throw new IllegalArgumentException("not a coupon key (ticket/coupon): " + key);
    }
    try {
      return new CouponKey(key.substring(0, slash), Integer.parseInt(key.substring(slash + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a coupon key (ticket/coupon): " + key, e);
    }
  }

  @Override
  public String toString() {
    return format(ticket, coupon);
  }
}
