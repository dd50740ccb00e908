package org.openmiles.integration.bookings;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.openmiles.integration.common.FileSettings;
import org.openmiles.integration.common.InboundFolder;

/**
 * The reservation system's booking files: picked up from {@code airline/bookings/inbound/} like the
 * other files (see {@link InboundFolder}), stored through {@link BookingFileProcessor}.
 */
@Dependent
public class BookingFileRoutes extends RouteBuilder {

  @Inject FileSettings settings;
  @Inject BookingFileProcessor processor;

  @Override
  public void configure() {
    onException(Exception.class)
        .log(
            LoggingLevel.ERROR,
            "booking file ${header.CamelFileName} failed and was moved to failed/:"
                + " ${exception.message}")
        .handled(false);
    settings.createAirlineFolders(BookingFileProcessor.FEED);
    var base = settings.airlineFolder(BookingFileProcessor.FEED, "inbound").getParent();
    InboundFolder.recoverInterrupted(base, settings.recoverAfterSeconds(), "bookings");
    from(InboundFolder.uri(base, settings.pollMillis(), BookingFileProcessor.FOLDER_HEADER))
        .routeId("bookings")
        .process(processor::process);
  }
}
