package org.openmiles.integration.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.openmiles.common.observability.Correlation;
import org.openmiles.integration.bootstrap.ContainerWork;

/**
 * The Camel entry of every inbound feed ({@link InboundFeed}): processes one file through the
 * {@link TwoPassFileProcessor} as its claimed owner ({@link FileOwner}) and sets the header {@link
 * #FOLDER_HEADER} to the folder the file moves to afterwards, archive or rejects.
 */
@ApplicationScoped
public class InboundFileProcessor {
  public static final String FOLDER_HEADER = "openmilesFolder";

  /** Set on the exchange once its file is claimed: a run again keeps the same claim. */
  private static final String CLAIMED = "openmilesClaimed";

  /** The file's correlation id (ADR 0035), kept on the exchange so that a run again keeps it. */
  private static final String CORRELATION = "openmilesCorrelation";

  @Inject FileSettings settings;
  @Inject Clock clock;
  @Inject ContainerWork container;
  @Inject FileOwner owner;

  /** A processor with its collaborators given directly, for tests outside the container. */
  public static InboundFileProcessor of(
      FileSettings settings, Clock clock, ContainerWork container, FileOwner owner) {
    InboundFileProcessor p = new InboundFileProcessor();
    p.settings = settings;
    p.clock = clock;
    p.container = container;
    p.owner = owner;
    return p;
  }

  /**
   * Processes the exchange's file of {@code feed} and says where it goes next. The file is claimed
   * at the first run and released when the exchange is done, after any runs again ({@link
   * FileRouteConfiguration}). The file's work runs under a correlation id of its own ({@code
   * file-…}), which its log lines and ledger entries carry.
   */
  public void process(Exchange exchange, InboundFeed<?> feed) throws Exception {
    Path file = exchange.getIn().getBody(File.class).toPath();
    String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
    if (!exchange.getProperty(CLAIMED, false, Boolean.class)) {
      FileOwner.ClaimedFile claim = owner.claim(file);
      exchange.setProperty(CLAIMED, true);
      exchange
          .getExchangeExtension()
          .addOnCompletion(
              new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                  claim.release();
                }
              });
    }
    String id = exchange.getProperty(CORRELATION, String.class);
    if (id == null) {
      id = Correlation.newId("file");
      exchange.setProperty(CORRELATION, id);
    }
    try (Correlation.Scope s = Correlation.open(id)) {
      exchange.getIn().setHeader(FOLDER_HEADER, handle(file, name, feed));
    }
  }

  /**
   * Processes one file of {@code feed}: writes its acknowledgement (and reject file) to the feed's
   * {@code outbound/} and returns the folder it belongs in now, {@code archive} or {@code rejects}.
   */
  public <R> String handle(Path path, String name, InboundFeed<R> feed) throws IOException {
    return new TwoPassFileProcessor<>(feed.reader().get(), feed.sink(), settings, clock, container)
        .handle(path, name, feed.sender(), feed.outbound());
  }
}
