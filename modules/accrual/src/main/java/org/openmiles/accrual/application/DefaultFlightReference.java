package org.openmiles.accrual.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.openmiles.accrual.api.AirportImport;
import org.openmiles.accrual.api.AirportView;
import org.openmiles.accrual.api.ClassNotEligibleException;
import org.openmiles.accrual.api.Distance;
import org.openmiles.accrual.api.FlightMilesQuote;
import org.openmiles.accrual.api.FlightReference;
import org.openmiles.accrual.api.UnknownAirportException;
import org.openmiles.accrual.domain.Airport;
import org.openmiles.accrual.domain.AirportFiles;
import org.openmiles.accrual.domain.AirportRepository;
import org.openmiles.accrual.domain.DistanceRepository;
import org.openmiles.accrual.domain.EarnRuleRepository;
import org.openmiles.accrual.domain.FlightEarning;
import org.openmiles.common.ValidationException;

/** Airport reference data and distances; an import is one transaction, written in batches. */
@ApplicationScoped
@Transactional
public class DefaultFlightReference implements FlightReference {
  private static final Logger LOG = Logger.getLogger(DefaultFlightReference.class.getName());
  private static final int BATCH = 1_000;

  @Inject AirportRepository airports;
  @Inject DistanceRepository distances;
  @Inject EarnRuleRepository earnRules;

  @Override
  public AirportImport importAirports(Reader data, String format) throws IOException {
    AirportFiles.Format f;
    try {
      f = AirportFiles.Format.valueOf(String.valueOf(format).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ValidationException.of("format", "must be openflights or ourairports");
    }
    List<Airport> batch = new ArrayList<>(BATCH);
    AirportFiles.Counts counts =
        AirportFiles.read(
            data,
            f,
            a -> {
              batch.add(a);
              if (batch.size() == BATCH) {
                airports.upsert(batch, f.name());
                batch.clear();
              }
            });
    airports.upsert(batch, f.name());
    AirportImport result =
        new AirportImport(
            f.name(), counts.airports(), counts.skipped(), counts.refused(), counts.firstProblem());
    LOG.info(() -> "airport import: " + result);
    return result;
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<AirportView> airport(String iata) {
    return airports
        .find(iata)
        .map(
            a ->
                new AirportView(
                    a.iata(), a.name(), a.city(), a.country(), a.latitude(), a.longitude()));
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Distance distance(String origin, String destination, LocalDate date) {
    Airport from = airports.find(origin).orElseThrow(() -> unknown(origin));
    Airport to = airports.find(destination).orElseThrow(() -> unknown(destination));
    boolean domestic = from.sameCountry(to);
    return distances
        .cityPairMiles(origin, destination, date)
        .map(m -> new Distance(origin, destination, m, "CITY_PAIR", domestic))
        .orElseGet(
            () -> new Distance(origin, destination, from.milesTo(to), "GREAT_CIRCLE", domestic));
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public FlightMilesQuote quote(
      String carrier, String bookingClass, String origin, String destination, LocalDate date) {
    Distance d = distance(origin, destination, date);
    FlightEarning.Region region =
        d.domestic() ? FlightEarning.Region.DOMESTIC : FlightEarning.Region.INTERNATIONAL;
    FlightEarning.Factor factor =
        FlightEarning.factorFor(earnRules.earnFactors(carrier), carrier, bookingClass, region, date)
            .orElseThrow(
                () ->
                    new ClassNotEligibleException(
                        "booking class "
                            + bookingClass
                            + " of "
                            + carrier
                            + " earns no miles on "
                            + region.name().toLowerCase(Locale.ROOT)
                            + " flights on "
                            + date));
    long minimum = earnRules.minimumMiles(carrier, region.name(), date);
    FlightEarning.Miles m = FlightEarning.rate(d.miles(), factor, minimum, 0);
    return new FlightMilesQuote(
        d,
        region.name(),
        carrier,
        bookingClass,
        factor.earnFactor(),
        minimum,
        m.baseMiles(),
        m.qualifyingMiles(),
        m.qualifyingSegments());
  }

  private static UnknownAirportException unknown(String iata) {
    return new UnknownAirportException(
        "airport "
            + iata
            + " is not in the reference data;"
            + " import it with POST /api/v1/reference/airports");
  }
}
