package org.openmiles.accrual.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The airports of the reference data, by IATA code. */
public interface AirportRepository {

  /** Inserts or replaces airports by IATA code; {@code source} names the file format. */
  void upsert(List<Airport> airports, String source);

  Optional<Airport> find(String iata);

  /** Several airports in one read, by IATA code; codes not found are absent. */
  Map<String, Airport> findAll(Collection<String> iatas);
}
