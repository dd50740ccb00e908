package org.openmiles.accrual.domain;

import org.openmiles.accounts.api.Qualifying;

/**
 * What a stored coupon earned: its base miles, the tier bonus, the promotion bonuses, and the
 * qualifying activity its base credit carried.
 */
public record CouponEarnings(
    long baseMiles, long bonusMiles, long promoMiles, Qualifying qualifying) {

  /** Base, tier bonus and promotion miles: what a reversal takes back. */
  public long totalMiles() {
    return baseMiles + bonusMiles + promoMiles;
  }
}
