package org.openmiles.integration.common;

import jakarta.inject.Inject;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * The route of a host-carrier feed: files picked up from {@code airline/<feed>/inbound/} like
 * partner files (see {@link InboundFolder}) and handed to the feed's {@link AirlineFileProcessor};
 * a file that fails is moved to {@code failed/} and logged.
 */
public abstract class AirlineFileRoutes extends RouteBuilder {
  private final String routeId;
  private final String fileLabel;
  private final String recoveryLabel;

  @Inject protected FileSettings settings;
  @Inject protected FileOwner owner;

  /**
   * {@code fileLabel} names one file in the log ("flown-coupon file"), {@code recoveryLabel} the
   * feed when interrupted files are recovered ("flown coupons").
   */
  protected AirlineFileRoutes(String routeId, String fileLabel, String recoveryLabel) {
    this.routeId = routeId;
    this.fileLabel = fileLabel;
    this.recoveryLabel = recoveryLabel;
  }

  protected abstract AirlineFileProcessor<?> processor();

  @Override
  public void configure() {
    onException(Exception.class)
        .log(
            LoggingLevel.ERROR,
            fileLabel
                + " ${header.CamelFileName} failed and was moved to failed/:"
                + " ${exception.message}")
        .handled(false);
    bindToRegistry(InboundFolder.READ_LOCK, owner.readLock());
    AirlineFileProcessor<?> processor = processor();
    settings.createAirlineFolders(processor.feed());
    var base = settings.airlineFolder(processor.feed(), "inbound").getParent();
    Feed<?> format = processor.newFeed();
    owner.watch(
        new FileOwner.Watched(
            base,
            recoveryLabel,
            format.senderLabel(),
            processor.hostCarrier(),
            format.formatName() + " " + format.formatVersion()));
    from(InboundFolder.uri(base, settings.pollMillis(), AirlineFileProcessor.FOLDER_HEADER))
        .routeId(routeId)
        .process(processor::process);
  }
}
