package org.openmiles.redemption.api;

import java.time.LocalDate;
import java.util.Objects;
import org.openmiles.accounts.api.MemberNumber;

/**
 * An upgrade award to price for a member's paid one-way segment: carrier and booking class of the
 * paid ticket, the booked and the wanted cabin, the travel date.
 */
public record PriceUpgrade(
    MemberNumber member,
    String origin,
    String destination,
    String carrier,
    String bookingClass,
    Cabin from,
    Cabin to,
    LocalDate date) {

  public PriceUpgrade {
    Objects.requireNonNull(member, "member is required");
    origin = PriceAward.airport(origin, "origin");
    destination = PriceAward.airport(destination, "destination");
    Objects.requireNonNull(carrier, "carrier is required");
    carrier = carrier.strip().toUpperCase(java.util.Locale.ROOT);
    if (!carrier.matches("[A-Z0-9]{2}")) {
      throw new IllegalArgumentException("carrier must be a 2-character IATA airline code");
    }
    Objects.requireNonNull(bookingClass, "booking class is required");
    bookingClass = bookingClass.strip().toUpperCase(java.util.Locale.ROOT);
    if (!bookingClass.matches("[A-Z]")) {
      throw new IllegalArgumentException("booking class must be one letter");
    }
    Objects.requireNonNull(from, "booked cabin is required");
    Objects.requireNonNull(to, "upgrade cabin is required");
    if (to.compareTo(from) <= 0) {
      throw new IllegalArgumentException("the upgrade cabin must be above the booked cabin");
    }
    Objects.requireNonNull(date, "travel date is required");
  }
}
