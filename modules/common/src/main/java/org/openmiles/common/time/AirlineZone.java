package org.openmiles.common.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The airline's calendar ({@code openmiles.tiers.zone}, Asia/Ho_Chi_Minh by default), in which
 * activity dates, effective dates and "today" are read with the application's clock: engagement's
 * daily caps count the airline's day, NPS months are the airline's, a rule change applies from the
 * airline's date (after 17:00 UTC it is already tomorrow in Saigon).
 */
@ApplicationScoped
public class AirlineZone {
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "openmiles.tiers.zone", defaultValue = "Asia/Ho_Chi_Minh")
  String zone;

  public ZoneId zone() {
    return ZoneId.of(zone);
  }

  /** Today in the airline's zone. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(zone()));
  }
}
