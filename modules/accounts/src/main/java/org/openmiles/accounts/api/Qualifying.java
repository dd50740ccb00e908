package org.openmiles.accounts.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The qualifying activity an entry carries for tier status, kept apart from its redeemable miles: a
 * flown segment earns qualifying miles (its base miles), counts {@code flights} qualifying flights
 * (its segment factor, e.g. 1.00 or 0.50) and qualifying {@code spend} (its base fare converted to
 * the tier program's spend currency, at most 2 decimals; zero when no tier counts spend); bonus,
 * partner and goodwill miles carry none. A reversal carries the negated values of what it takes
 * back; the three values of one entry never have opposite signs. Values are recorded on the ledger
 * entry and published in {@link org.openmiles.accounts.api.events.MilesPosted}.
 */
public record Qualifying(long miles, BigDecimal flights, BigDecimal spend) {
  private static final BigDecimal MAX_FLIGHTS = new BigDecimal("100"); // before NONE: used by it
  // ledger_entry.qualifying_spend is numeric(14,2)
  private static final BigDecimal MAX_SPEND = new BigDecimal("999999999999.99");
  public static final Qualifying NONE = new Qualifying(0, BigDecimal.ZERO, BigDecimal.ZERO);

  public Qualifying {
    Objects.requireNonNull(flights, "flights");
    Objects.requireNonNull(spend, "spend");
    if (Math.abs(miles) > 100_000_000L) {
      throw new IllegalArgumentException("qualifying miles beyond 100,000,000 are not plausible");
    }
    if (flights.scale() > 2 || flights.abs().compareTo(MAX_FLIGHTS) > 0) {
      throw new IllegalArgumentException(
          "qualifying flights must have at most 2 decimals and be at most 100 per entry");
    }
    if (spend.scale() > 2 || spend.abs().compareTo(MAX_SPEND) > 0) {
      throw new IllegalArgumentException(
          "qualifying spend must have at most 2 decimals and 12 integer digits");
    }
    int sign = miles != 0 ? Long.signum(miles) : flights.signum();
    if ((miles != 0 && flights.signum() != 0 && Long.signum(miles) != flights.signum())
        || (sign != 0 && spend.signum() != 0 && sign != spend.signum())) {
      throw new IllegalArgumentException(
          "qualifying miles, flights and spend must have the same sign");
    }
  }

  /** Miles and flights, no spend. */
  public Qualifying(long miles, BigDecimal flights) {
    this(miles, flights, BigDecimal.ZERO);
  }

  public static Qualifying of(long miles, BigDecimal flights) {
    return new Qualifying(miles, flights, BigDecimal.ZERO);
  }

  public static Qualifying of(long miles, BigDecimal flights, BigDecimal spend) {
    return new Qualifying(miles, flights, spend);
  }

  public boolean isNone() {
    return miles == 0 && flights.signum() == 0 && spend.signum() == 0;
  }

  /** The same activity taken back. */
  public Qualifying negate() {
    return new Qualifying(-miles, flights.negate(), spend.negate());
  }

  /** Sign of the activity: +1, -1, or 0 for none. */
  int signum() {
    return miles != 0
        ? Long.signum(miles)
        : flights.signum() != 0 ? flights.signum() : spend.signum();
  }
}
