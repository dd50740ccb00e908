package org.openmiles.accrual.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The program's own city-pair distances, effective-dated; a pair without one earns by the great
 * circle.
 */
public interface DistanceRepository {

  /**
   * Every version of the program's distance for several pairs ({@code [origin, destination]}) in
   * one read, keyed {@code a:b} with {@code a < b}; pairs without a distance are absent.
   */
  Map<String, List<Dated<Long>>> cityPairMiles(Collection<List<String>> pairs);

  /** Every version of the program's distance for a pair (either way round). */
  List<Dated<Long>> cityPairMiles(String a, String b);

  /** The program's distance for a pair on a date, if it has one. */
  default Optional<Long> cityPairMiles(String a, String b, LocalDate date) {
    return Dated.inForce(cityPairMiles(a, b), date);
  }
}
