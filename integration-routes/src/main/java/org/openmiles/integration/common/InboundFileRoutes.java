package org.openmiles.integration.common;

import jakarta.inject.Inject;
import org.apache.camel.builder.RouteBuilder;

/**
 * Routes of inbound feeds: each picks up complete files from its feed's {@code inbound/} ({@link
 * InboundFolder}), has them processed by the {@link InboundFileProcessor} and shares the error
 * policy of {@link FileRouteConfiguration}. The feed's folders are watched by the {@link
 * FileOwner}: files of a dead process are resumed, entries that are not regular files refused.
 */
public abstract class InboundFileRoutes extends RouteBuilder {
  @Inject protected FileSettings settings;
  @Inject FileOwner owner;
  @Inject InboundFileProcessor processor;

  /** Gives the collaborators directly, for route tests outside the container. */
  public void wire(FileSettings settings, FileOwner owner, InboundFileProcessor processor) {
    this.settings = settings;
    this.owner = owner;
    this.processor = processor;
  }

  /**
   * Adds the route {@code routeId} of {@code feed}, creating its folders if missing; {@code label}
   * names the feed when its interrupted files are recovered ("partner DEMO_HOTEL").
   */
  protected void inboundRoute(String routeId, String label, InboundFeed<?> feed) {
    FileSettings.createFolders(feed.base());
    owner.watch(feed.watched(label));
    // the cluster's read lock: of several instances, one takes each file
    from(InboundFolder.endpoint(
            getContext(),
            feed.base(),
            settings.pollMillis(),
            InboundFileProcessor.FOLDER_HEADER,
            owner.readLock()))
        .routeId(routeId)
        .routeConfigurationId(FileRouteConfiguration.ID)
        .process(exchange -> processor.process(exchange, feed));
  }
}
