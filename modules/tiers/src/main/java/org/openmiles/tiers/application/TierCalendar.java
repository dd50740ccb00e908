package org.openmiles.tiers.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The program's calendar: "today" is the date in the airline's time zone ({@code
 * openmiles.tiers.zone}, default Asia/Ho_Chi_Minh), not in UTC. It decides the current period, the
 * date an upgrade starts and the end of a status. Activity dates are not converted: they are
 * already local calendar dates (a flight's date as its coupon gives it).
 */
@ApplicationScoped
public class TierCalendar {

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "openmiles.tiers.zone", defaultValue = "Asia/Ho_Chi_Minh")
  String zone;

  public ZoneId zone() {
    return ZoneId.of(zone);
  }

  public LocalDate today() {
    return dayOf(clock.instant(), zone());
  }

  /** The calendar date of {@code instant} in {@code zone}. */
  public static LocalDate dayOf(Instant instant, ZoneId zone) {
    return LocalDate.ofInstant(instant, zone);
  }
}
