package org.openmiles.accounts.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The qualifying activity an entry carries for tier status, kept apart from its redeemable miles: a
 * flown segment earns qualifying miles (its base miles) and counts {@code flights} qualifying
 * flights (its segment factor, e.g. 1.00 or 0.50); bonus, partner and goodwill miles carry none. A
 * reversal carries the negated values of what it takes back. Values are recorded on the ledger
 * entry and published in {@link org.openmiles.accounts.api.events.MilesPosted}.
 */
public record Qualifying(long miles, BigDecimal flights) {
  private static final BigDecimal MAX_FLIGHTS = new BigDecimal("100"); // before NONE: used by it
  public static final Qualifying NONE = new Qualifying(0, BigDecimal.ZERO);

  public Qualifying {
    Objects.requireNonNull(flights, "flights");
    if (Math.abs(miles) > 100_000_000L) {
      throw new IllegalArgumentException("qualifying miles beyond 100,000,000 are not plausible");
    }
    if (flights.scale() > 2 || flights.abs().compareTo(MAX_FLIGHTS) > 0) {
      throw new IllegalArgumentException(
          "qualifying flights must have at most 2 decimals and be at most 100 per entry");
    }
    if (miles != 0 && flights.signum() != 0 && Long.signum(miles) != flights.signum()) {
      throw new IllegalArgumentException("qualifying miles and flights must have the same sign");
    }
  }

  public static Qualifying of(long miles, BigDecimal flights) {
    return new Qualifying(miles, flights);
  }

  public boolean isNone() {
    return miles == 0 && flights.signum() == 0;
  }

  /** The same activity taken back. */
  public Qualifying negate() {
    return new Qualifying(-miles, flights.negate());
  }

  /** Sign of the activity: +1, -1, or 0 for none. */
  int signum() {
    return miles != 0 ? Long.signum(miles) : flights.signum();
  }
}
