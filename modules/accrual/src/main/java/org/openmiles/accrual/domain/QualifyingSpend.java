package org.openmiles.accrual.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * Qualifying spend of a flight (ADR 0020): its base fare converted to the tier program's spend
 * currency, rounded half up to that currency's minor units (USD: cents; JPY, VND: whole units), and
 * never to more than 2 decimals (the counters' precision; a three-decimal currency such as KWD is
 * counted in hundredths). Taxes and surcharges are not in the base fare and never count.
 */
public final class QualifyingSpend {
  private QualifyingSpend() {}

  /** The spend of {@code fare} converted at {@code rate} (spend currency units per fare unit). */
  public static BigDecimal convert(BigDecimal fare, BigDecimal rate, String spendCurrency) {
    Objects.requireNonNull(fare, "fare");
    Objects.requireNonNull(rate, "rate");
    if (fare.signum() < 0 || rate.signum() <= 0) {
      throw new IllegalArgumentException("a fare is never negative and a rate always positive");
    }
    return fare.multiply(rate).setScale(minorUnits(spendCurrency), RoundingMode.HALF_UP);
  }

  /** A fare already in the spend currency, rounded the same way. */
  public static BigDecimal same(BigDecimal fare, String spendCurrency) {
    return convert(fare, BigDecimal.ONE, spendCurrency);
  }

  /**
   * Whether {@code code} is an ISO 4217 currency the JVM knows: the program's spend currency passes
   * the database's three-letter check also when it is a typo, and must not fail a whole chunk then.
   */
  public static boolean isKnownCurrency(String code) {
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException | NullPointerException e) {
      return false;
    }
  }

  /** Decimals kept in {@code currency}: its ISO 4217 minor units, at most 2. */
  static int minorUnits(String currency) {
    int digits = Currency.getInstance(currency).getDefaultFractionDigits();
    return digits < 0 ? 2 : Math.min(digits, 2);
  }
}
