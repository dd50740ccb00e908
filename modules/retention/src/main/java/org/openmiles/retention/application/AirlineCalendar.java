package org.openmiles.retention.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The airline's calendar ({@code openmiles.tiers.zone}, default Asia/Ho_Chi_Minh): engagement's
 * daily caps count the airline's day, and NPS months and date ranges are the airline's (after 17:00
 * UTC it is already tomorrow in Saigon).
 */
@ApplicationScoped
public class AirlineCalendar {
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "openmiles.tiers.zone", defaultValue = "Asia/Ho_Chi_Minh")
  String zone;

  public ZoneId zone() {
    return ZoneId.of(zone);
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(zone()));
  }
}
