package org.openmiles.accrual.api;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.util.Optional;

/** Airports and distances for flight accrual. */
public interface FlightReference {

  /**
   * Loads airports (OPENFLIGHTS airports.dat or OURAIRPORTS airports.csv), replacing known codes.
   */
  AirportImport importAirports(Reader data, String format) throws IOException;

  Optional<AirportView> airport(String iata);

  /** The program's city-pair distance on {@code date} if set, else the great-circle distance. */
  Distance distance(String origin, String destination, LocalDate date);

  /** The miles a segment earns under the distance model, before tier bonus and promotions. */
  FlightMilesQuote quote(
      String carrier, String bookingClass, String origin, String destination, LocalDate date);
}
