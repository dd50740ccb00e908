package org.openmiles.accrual.domain;

import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads airport reference data in the two public formats, streaming, one {@link Airport} per usable
 * row (rows without an IATA code, such as heliports, are skipped and counted):
 *
 * <ul>
 *   <li>OpenFlights {@code airports.dat}: no header; id, name, city, country <em>name</em>, IATA,
 *       ICAO, latitude, longitude, ...; {@code \N} for missing values.
 *   <li>OurAirports {@code airports.csv}: header row; {@code iata_code}, {@code name}, {@code
 *       municipality}, {@code iso_country}, {@code latitude_deg}, {@code longitude_deg}, ...
 * </ul>
 */
public final class AirportFiles {
  private AirportFiles() {}

  public enum Format {
    OPENFLIGHTS,
    OURAIRPORTS
  }

  /**
   * What a read did: airports accepted, rows skipped (no IATA code) and rows refused with a reason.
   */
  public record Counts(long airports, long skipped, long refused, String firstProblem) {}

  public static Counts read(Reader in, Format format, Consumer<Airport> sink) throws IOException {
    long ok = 0;
    long skipped = 0;
    long refused = 0;
    String first = null;
    CSVFormat csv =
        format == Format.OURAIRPORTS
            ? CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
            : CSVFormat.RFC4180;
    try (CSVParser parser = CSVParser.parse(in, csv)) {
      for (CSVRecord r : parser) {
        try {
          Airport a = format == Format.OURAIRPORTS ? ourAirports(r) : openFlights(r);
          if (a == null) {
            skipped++;
          } else {
            sink.accept(a);
            ok++;
          }
        } catch (RuntimeException e) {
          refused++;
          if (first == null) {
            first = "row " + r.getRecordNumber() + ": " + e.getMessage();
          }
        }
      }
    }
    return new Counts(ok, skipped, refused, first);
  }

  private static Airport openFlights(CSVRecord r) {
    if (r.size() < 8) {
      throw new IllegalArgumentException("expected at least 8 fields, found " + r.size());
    }
    String iata = r.get(4);
    if (iata.isEmpty() || iata.equals("\\N")) {
      return null;
    }
    return new Airport(
        iata,
        r.get(1),
        r.get(2),
        countryCode(r.get(3)),
        Double.parseDouble(r.get(6)),
        Double.parseDouble(r.get(7)));
  }

  private static Airport ourAirports(CSVRecord r) {
    String iata = r.get("iata_code");
    if (iata == null || iata.isBlank()) {
      return null;
    }
    String country = r.get("iso_country");
    return new Airport(
        iata,
        r.get("name"),
        r.get("municipality"),
        country == null || country.isBlank() ? null : country.toUpperCase(Locale.ROOT),
        Double.parseDouble(r.get("latitude_deg")),
        Double.parseDouble(r.get("longitude_deg")));
  }

  private static final Map<String, String> COUNTRIES = new HashMap<>();

  static {
    for (String code : Locale.getISOCountries()) {
      COUNTRIES.put(
          new Locale("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
    }
    // OpenFlights spellings that differ from the JDK's English names
    Map.of(
            "burma",
            "MM",
            "hong kong",
            "HK",
            "macau",
            "MO",
            "south korea",
            "KR",
            "north korea",
            "KP",
            "congo (kinshasa)",
            "CD",
            "congo (brazzaville)",
            "CG",
            "cote d'ivoire",
            "CI",
            "united states",
            "US",
            "russia",
            "RU")
        .forEach(COUNTRIES::put);
    Map.of(
            "czech republic",
            "CZ",
            "macedonia",
            "MK",
            "swaziland",
            "SZ",
            "east timor",
            "TL",
            "virgin islands",
            "VI",
            "british virgin islands",
            "VG",
            "palestine",
            "PS",
            "taiwan",
            "TW",
            "vietnam",
            "VN",
            "laos",
            "LA")
        .forEach(COUNTRIES::put);
  }

  /** ISO code for an OpenFlights country name, or null when unknown (then never domestic). */
  static String countryCode(String name) {
    return name == null ? null : COUNTRIES.get(name.strip().toLowerCase(Locale.ROOT));
  }
}
