package org.openmiles.console.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A time for people who may not sit in the airline's time zone: the clock time in that zone, the
 * date when it is not today there, and the zone with its UTC offset ("14:05 (Asia/Ho_Chi_Minh,
 * UTC+07:00)").
 */
final class ZonedTime {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private ZonedTime() {}

  static String describe(Instant at, ZoneId zone, Instant now) {
    ZonedDateTime t = at.atZone(zone);
    String utc = t.getOffset().getTotalSeconds() == 0 ? "UTC" : "UTC" + t.getOffset().getId();
    StringBuilder b = new StringBuilder(TIME.format(t));
    if (!t.toLocalDate().equals(LocalDate.ofInstant(now, zone))) {
      b.append(" on ").append(DATE.format(t));
    }
    b.append(" (");
    if (!zone.getId().equals(utc)) {
      b.append(zone.getId()).append(", ");
    }
    return b.append(utc).append(')').toString();
  }
}
