package org.openmiles.integration.airline;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import org.openmiles.accrual.api.BookingAccrual;
import org.openmiles.accrual.api.FlightAccrual;
import org.openmiles.integration.common.InboundFeed;
import org.openmiles.integration.common.InboundFileRoutes;

/**
 * The host carrier's feeds, one route each, picked up from {@code airline/<feed>/inbound/} like
 * partner files: {@code flown-coupons} from {@code airline/flown/}, credited through {@link
 * FlightAccrual}; {@code bookings} from {@code airline/bookings/}, stored through {@link
 * BookingAccrual}. Only the host carrier may send them.
 */
@Dependent
public class AirlineFileRoutes extends InboundFileRoutes {
  public static final String FLOWN = "flown";
  public static final String BOOKINGS = "bookings";

  @Inject FlightAccrual flights;
  @Inject BookingAccrual bookings;
  @Inject Clock clock;

  @Override
  public void configure() {
    int maxAge = settings.maxAgeMonths();
    inboundRoute(
        "flown-coupons",
        "flown coupons",
        new InboundFeed<>(
            settings.airlineFolder(FLOWN, "inbound").getParent(),
            flights.hostCarrier(),
            () -> new FlownCouponFeed(maxAge),
            flights));
    inboundRoute(
        "bookings",
        "bookings",
        new InboundFeed<>(
            settings.airlineFolder(BOOKINGS, "inbound").getParent(),
            bookings.hostCarrier(),
            () -> new BookingFeed(clock, maxAge),
            bookings));
  }
}
