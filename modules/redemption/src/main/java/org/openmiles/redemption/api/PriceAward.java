package org.openmiles.redemption.api;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An award ticket to price: airports (IATA), cabin, journey, the outbound date and, for a round
 * trip, the return date; the answer is per passenger and for {@code passengers} together.
 */
public record PriceAward(
    String origin,
    String destination,
    Cabin cabin,
    Journey journey,
    LocalDate outbound,
    LocalDate inbound,
    int passengers) {

  public PriceAward {
    origin = airport(origin, "origin");
    destination = airport(destination, "destination");
    Objects.requireNonNull(cabin, "cabin is required");
    Objects.requireNonNull(journey, "journey is required");
    Objects.requireNonNull(outbound, "outbound date is required");
    if (origin.equals(destination)) {
      throw new IllegalArgumentException("origin and destination must differ");
    }
    if (journey == Journey.ROUND_TRIP) {
      Objects.requireNonNull(inbound, "a round trip needs a return date");
      if (inbound.isBefore(outbound)) {
        throw new IllegalArgumentException("the return date must not be before the outbound date");
      }
    } else if (inbound != null) {
      throw new IllegalArgumentException("a one-way award has no return date");
    }
    if (passengers < 1 || passengers > 9) {
      throw new IllegalArgumentException("passengers must be 1 to 9");
    }
  }

  static String airport(String code, String what) {
    Objects.requireNonNull(code, what + " is required");
    String c = code.strip().toUpperCase(java.util.Locale.ROOT);
    if (!c.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException(what + " must be a 3-letter IATA airport code");
    }
    return c;
  }
}
