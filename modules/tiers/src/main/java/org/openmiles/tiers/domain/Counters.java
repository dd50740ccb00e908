package org.openmiles.tiers.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Qualifying miles, qualifying flights (sum of segment factors) and qualifying spend (in the
 * program's spend currency) over some span of time.
 */
public record Counters(long miles, BigDecimal flights, BigDecimal spend) {
  public static final Counters ZERO = new Counters(0, BigDecimal.ZERO);

  public Counters {
    Objects.requireNonNull(flights, "flights");
    spend = spend == null ? BigDecimal.ZERO : spend;
  }

  /** Miles and flights, no spend. */
  public Counters(long miles, BigDecimal flights) {
    this(miles, flights, BigDecimal.ZERO);
  }

  public static Counters of(long miles, String flights) {
    return new Counters(miles, new BigDecimal(flights));
  }

  public Counters plus(Counters other) {
    return new Counters(miles + other.miles, flights.add(other.flights), spend.add(other.spend));
  }
}
