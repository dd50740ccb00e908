package org.openmiles.integration.common;

import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.openmiles.accrual.api.InboundFileSink;
import org.openmiles.integration.bootstrap.ContainerWork;

/**
 * A feed the host carrier sends (flown coupons, bookings) through the {@link TwoPassFileProcessor}:
 * files come from {@code airline/<feed>/inbound/}, records go to the feed's sink in chunks, the
 * answer files go to {@code airline/<feed>/outbound/}. Sets the header {@link #FOLDER_HEADER} to
 * the folder the file belongs in afterwards.
 *
 * @param <R> a well-formed record of the feed
 */
public abstract class AirlineFileProcessor<R> {
  public static final String FOLDER_HEADER = "openmilesFolder";

  private final String feed;

  @Inject protected FileSettings settings;
  @Inject protected Clock clock;
  @Inject ContainerWork container;
  @Inject FileOwner owner;

  /** {@code feed} names the folder under {@code airline/} ("flown", "bookings"). */
  protected AirlineFileProcessor(String feed) {
    this.feed = feed;
  }

  public String feed() {
    return feed;
  }

  /** Where the records go; its host carrier is the only sender it accepts. */
  protected abstract InboundFileSink<R> sink();

  protected abstract String hostCarrier();

  /** The reader of one file (a new one per file: it may keep what the header said). */
  protected abstract Feed<R> newFeed();

  /**
   * The Camel entry: processes the exchange's file as its claimed owner (see {@link FileOwner}).
   */
  public void process(Exchange exchange) throws Exception {
    File file = exchange.getIn().getBody(File.class);
    String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
    exchange
        .getIn()
        .setHeader(FOLDER_HEADER, owner.working(file.toPath(), () -> handle(file.toPath(), name)));
  }

  /** Processes one file; returns the folder it belongs in now. */
  public String handle(Path path, String name) throws IOException {
    return new TwoPassFileProcessor<>(newFeed(), sink(), settings, clock, container)
        .handle(path, name, hostCarrier(), settings.airlineFolder(feed, "outbound"));
  }
}
