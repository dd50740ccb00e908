package org.openmiles.accrual.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.openmiles.accrual.domain.AirportRepository;
import org.openmiles.accrual.domain.DistanceRepository;
import org.openmiles.accrual.domain.EarnRuleRepository;

/** What a {@link FlightRater} reads: the airports, the city-pair distances and the earn rules. */
@ApplicationScoped
public class FlightRules {
  @Inject AirportRepository airports;
  @Inject DistanceRepository distances;
  @Inject EarnRuleRepository earnRules;

  public AirportRepository airports() {
    return airports;
  }

  public DistanceRepository distances() {
    return distances;
  }

  public EarnRuleRepository earnRules() {
    return earnRules;
  }
}
