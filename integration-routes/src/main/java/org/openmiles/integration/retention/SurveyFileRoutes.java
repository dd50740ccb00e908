package org.openmiles.integration.retention;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.openmiles.accrual.api.FlightAccrual;
import org.openmiles.integration.common.InboundFeed;
import org.openmiles.integration.common.InboundFileRoutes;
import org.openmiles.retention.api.NpsAnswers;

/**
 * The survey tool's NPS results, route {@code survey-results}: picked up from {@code
 * airline/surveys/inbound/} like the airline's other feeds (the same folders, read lock, error
 * policy, acknowledgement and reject file), sent in the host carrier's name, and stored through
 * retention's {@link NpsAnswers}: answers known by their id are duplicates and add nothing.
 */
@Dependent
public class SurveyFileRoutes extends InboundFileRoutes {
  public static final String SURVEYS = "surveys";

  @Inject NpsAnswers answers;
  @Inject FlightAccrual flights;

  @Override
  public void configure() {
    inboundRoute(
        "survey-results",
        "survey results",
        new InboundFeed<>(
            settings.airlineFolder(SURVEYS, "inbound").getParent(),
            flights.hostCarrier(),
            SurveyResultsFeed::new,
            answers));
  }
}
