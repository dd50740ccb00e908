package org.openmiles.accrual.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmiles.accrual.api.AirportImport;
import org.openmiles.accrual.api.AirportView;
import org.openmiles.accrual.api.Distance;
import org.openmiles.accrual.api.FlightReference;
import org.openmiles.accrual.api.UnknownAirportException;
import org.openmiles.common.Dates;
import org.openmiles.common.Validator;

/** Reference data for flight accrual: airport import, airport lookup, distances. */
@Path("v1/reference")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reference data", description = "Airports and distances for flight accrual")
public class ReferenceResource {

  @Inject FlightReference reference;
  @Inject Clock clock;

  /** The program's calendar zone, as the tiers and the console use it. */
  @Inject
  @ConfigProperty(name = "openmiles.tiers.zone", defaultValue = "Asia/Ho_Chi_Minh")
  String zone;

  /** Today in the airline's time zone: after 17:00 UTC it is already tomorrow in Saigon. */
  private LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneId.of(zone)));
  }

  @POST
  @Path("airports")
  @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
  @Operation(
      summary = "Import airports",
      description =
          "Body: OpenFlights airports.dat (format=openflights) or OurAirports airports.csv"
              + " (format=ourairports), UTF-8. Known codes are replaced; rows without an IATA code are"
              + " skipped; unreadable rows are counted and the first problem is reported.")
  public AirportImport importAirports(
      @QueryParam("format") @DefaultValue("openflights") String format, InputStream body)
      throws IOException {
    return reference.importAirports(new InputStreamReader(body, StandardCharsets.UTF_8), format);
  }

  @GET
  @Path("airports/{iata}")
  @Operation(summary = "An airport by IATA code")
  @APIResponse(responseCode = "404", description = "UNKNOWN_AIRPORT")
  public AirportView airport(@PathParam("iata") String iata) {
    String code = iata.toUpperCase(Locale.ROOT);
    return reference
        .airport(code)
        .orElseThrow(() -> new UnknownAirportException("airport " + code + " is not known"));
  }

  @GET
  @Path("distance")
  @Operation(summary = "Flown distance between two airports (city-pair table, else great circle)")
  @APIResponse(responseCode = "404", description = "UNKNOWN_AIRPORT")
  public Distance distance(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("date") String date) {
    Leg leg = Leg.of(from, to, date, today());
    return reference.distance(leg.from(), leg.to(), leg.date());
  }

  @GET
  @Path("flight-miles")
  @Operation(
      summary = "Miles a segment earns (distance model, before tier bonus and promotions)",
      description = "For agents and booking engines showing expected miles.")
  @APIResponse(responseCode = "422", description = "CLASS_NOT_ELIGIBLE")
  public org.openmiles.accrual.api.FlightMilesQuote flightMiles(
      @QueryParam("carrier") @DefaultValue("VN") String carrier,
      @QueryParam("class") String bookingClass,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("date") String date) {
    Leg leg = Leg.of(from, to, date, today());
    String cls =
        Validator.valid(
            "class",
            () -> {
              if (bookingClass == null
                  || !bookingClass.strip().toUpperCase(Locale.ROOT).matches("[A-Z]")) {
                throw new IllegalArgumentException("must be one letter, e.g. Y");
              }
              return bookingClass.strip().toUpperCase(Locale.ROOT);
            });
    String c =
        Validator.valid(
            "carrier",
            () -> {
              if (!carrier.strip().toUpperCase(Locale.ROOT).matches("[A-Z0-9]{2}")) {
                throw new IllegalArgumentException("must be a 2-character airline code");
              }
              return carrier.strip().toUpperCase(Locale.ROOT);
            });
    return reference.quote(c, cls, leg.from(), leg.to(), leg.date());
  }

  /**
   * The airports and day of a query, each checked in turn (date, from, to): a 400 names the first
   * bad parameter. No date is {@code today}.
   */
  private record Leg(String from, String to, LocalDate date) {
    static Leg of(String from, String to, String date, LocalDate today) {
      LocalDate d = Validator.valid("date", () -> date == null ? today : Dates.parse(date));
      String a = Validator.valid("from", () -> code(from));
      String b = Validator.valid("to", () -> code(to));
      return new Leg(a, b, d);
    }
  }

  private static String code(String s) {
    if (s == null || !s.strip().toUpperCase(Locale.ROOT).matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("must be a 3-letter IATA airport code");
    }
    return s.strip().toUpperCase(Locale.ROOT);
  }
}
