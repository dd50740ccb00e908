package org.openmiles.integration.bookings;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.openmiles.integration.common.AirlineFileProcessor;
import org.openmiles.integration.common.AirlineFileRoutes;

/**
 * The reservation system's booking files: picked up from {@code airline/bookings/inbound/}, stored
 * through {@link BookingFileProcessor}.
 */
@Dependent
public class BookingFileRoutes extends AirlineFileRoutes {

  @Inject BookingFileProcessor processor;

  public BookingFileRoutes() {
    super("bookings", "booking file", "bookings");
  }

  @Override
  protected AirlineFileProcessor<?> processor() {
    return processor;
  }
}
