package org.openmiles.accrual.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/** An airport by IATA code, with the country (ISO 3166 alpha-2) and position used for distances. */
public record Airport(
    String iata, String name, String city, String country, double latitude, double longitude) {
  private static final Pattern IATA = Pattern.compile("[A-Z]{3}");

  public Airport {
    Objects.requireNonNull(iata, "iata");
    if (!IATA.matcher(iata).matches()) {
      throw new IllegalArgumentException("IATA airport code must be 3 capital letters: " + iata);
    }
    if (country != null && !country.matches("[A-Z]{2}")) {
      throw new IllegalArgumentException("country must be ISO 3166 alpha-2: " + country);
    }
    if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
      throw new IllegalArgumentException("position out of range for " + iata);
    }
  }

  /**
   * Great-circle distance in statute miles, rounded to the nearest mile (haversine, mean radius).
   */
  public long milesTo(Airport other) {
    return GreatCircle.miles(latitude, longitude, other.latitude, other.longitude);
  }

  /** Whether a flight between the two stays within one country. */
  public boolean sameCountry(Airport other) {
    return country != null && country.equals(other.country);
  }
}
