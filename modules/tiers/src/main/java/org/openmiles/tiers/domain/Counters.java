package org.openmiles.tiers.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** Qualifying miles and qualifying flights (sum of segment factors) over some span of time. */
public record Counters(long miles, BigDecimal flights) {
  public static final Counters ZERO = new Counters(0, BigDecimal.ZERO);

  public Counters {
    Objects.requireNonNull(flights, "flights");
  }

  public static Counters of(long miles, String flights) {
    return new Counters(miles, new BigDecimal(flights));
  }
}
