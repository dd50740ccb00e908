package org.openmiles.console.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The airline's time zone ({@code openmiles.tiers.zone}, the programme's calendar) and the clock,
 * for pages that show times and days. Application-scoped, so view-scoped beans can hold it.
 */
@ApplicationScoped
public class AirlineTime {
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "openmiles.tiers.zone", defaultValue = "Asia/Ho_Chi_Minh")
  String zone;

  public ZoneId zone() {
    return ZoneId.of(zone);
  }

  public Instant now() {
    return clock.instant();
  }

  public LocalDate today() {
    return LocalDate.ofInstant(now(), zone());
  }

  /** {@code at} as "14:05 (Asia/Ho_Chi_Minh, UTC+07:00)", with the date when not today. */
  public String describe(Instant at) {
    return ZonedTime.describe(at, zone(), now());
  }
}
