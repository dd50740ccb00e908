package org.openmiles.app.operations;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.List;
import java.util.logging.Handler;
import org.openmiles.common.observability.Node;

/**
 * Adds the node name and the correlation id to the server's log lines for as long as the
 * application is deployed ({@link LogFields}); the node as {@link Node} names it.
 */
@Singleton
@Startup
public class StructuredLogs {
  private List<Handler> handlers = List.of();

  @PostConstruct
  void install() {
    handlers = LogFields.install(Node.name());
  }

  @PreDestroy
  void uninstall() {
    LogFields.uninstall(handlers);
  }
}
