package org.openmiles.integration.flown;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.openmiles.integration.common.FileSettings;
import org.openmiles.integration.common.InboundFolder;

/**
 * The airline's flown-coupon files: picked up from {@code airline/flown/inbound/} like partner
 * files (see {@link InboundFolder}), credited through {@link FlownFileProcessor}.
 */
@Dependent
public class FlownFileRoutes extends RouteBuilder {

  @Inject FileSettings settings;
  @Inject FlownFileProcessor processor;

  @Override
  public void configure() {
    onException(Exception.class)
        .log(
            LoggingLevel.ERROR,
            "flown-coupon file ${header.CamelFileName} failed and was moved to failed/:"
                + " ${exception.message}")
        .handled(false);
    settings.createAirlineFolders(FlownFileProcessor.FEED);
    var base = settings.airlineFolder(FlownFileProcessor.FEED, "inbound").getParent();
    InboundFolder.recoverInterrupted(base, settings.recoverAfterSeconds(), "flown coupons");
    from(InboundFolder.uri(base, settings.pollMillis(), FlownFileProcessor.FOLDER_HEADER))
        .routeId("flown-coupons")
        .process(processor::process);
  }
}
