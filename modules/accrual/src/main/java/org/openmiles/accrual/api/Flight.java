package org.openmiles.accrual.api;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A flight as a coupon or a booked segment names it: the marketing carrier (whose flight number it
 * is, and whose earn rules rate it), the operating carrier, the flight number, the date (of
 * departure), and the route from {@code origin} to {@code destination} (IATA airport codes). Every
 * field is required but {@code operatingCarrier}, which a booking file does not give (null).
 */
public record Flight(
    String marketingCarrier,
    String operatingCarrier,
    String number,
    LocalDate date,
    String origin,
    String destination) {

  public Flight {
    Objects.requireNonNull(marketingCarrier, "marketingCarrier");
    Objects.requireNonNull(number, "flightNumber");
    Objects.requireNonNull(date, "flightDate");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(destination, "destination");
  }
}
