package org.openmiles.integration.bootstrap;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.apache.camel.CamelContext;
import org.apache.camel.RouteConfigurationsBuilder;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.ServiceStatus;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Owns the one {@link CamelContext} of the application. Routes and route configurations are CDI
 * beans ({@link RoutesBuilder} implementations) collected at start. Every thread Camel creates
 * comes from the container's {@link ManagedThreadFactory}, so a file consumer thread has the
 * application's naming and class loading context and may call {@code @Transactional} CDI services
 * (see docs/adr/0007).
 */
@ApplicationScoped
public class CamelRuntime {
  private static final Logger LOG = Logger.getLogger(CamelRuntime.class.getName());

  @Inject Instance<RoutesBuilder> routes;

  @Resource ManagedThreadFactory managedThreads;

  private CamelContext camel;

  /** Starts the context and its routes; a second call does nothing. */
  public synchronized void start() {
    if (camel != null) {
      return;
    }
    try {
      DefaultCamelContext context = new DefaultCamelContext();
      context.getCamelContextExtension().setName("openmiles");
      context
          .getExecutorServiceManager()
          .addThreadFactoryListener((source, camelFactory) -> managed(camelFactory));
      // route configurations first, so every route finds the one it names
      List<RoutesBuilder> all = routes.stream().toList();
      for (RoutesBuilder r : all) {
        if (r instanceof RouteConfigurationsBuilder) {
          context.addRoutes(r);
        }
      }
      for (RoutesBuilder r : all) {
        if (!(r instanceof RouteConfigurationsBuilder)) {
          context.addRoutes(r);
        }
      }
      context.start();
      camel = context;
      LOG.info(() -> "Camel started with routes " + routeStatus().keySet());
    } catch (Exception e) {
      throw new IllegalStateException("Camel could not start: " + e.getMessage(), e);
    }
  }

  /** Threads named by Camel, created by the container. */
  private java.util.concurrent.ThreadFactory managed(
      java.util.concurrent.ThreadFactory camelFactory) {
    return runnable -> {
      Thread named = camelFactory.newThread(runnable); // never started: only its name is used
      Thread t = managedThreads.newThread(runnable);
      t.setName(named.getName());
      return t;
    };
  }

  /** Sends a message to an endpoint of the running context and returns the reply body. */
  public synchronized <T> T request(String endpoint, Map<String, Object> headers, Class<T> type) {
    if (camel == null) {
      throw new IllegalStateException("the file routes are not running (openmiles.files.enabled)");
    }
    try (var producer = camel.createProducerTemplate()) {
      return producer.requestBodyAndHeaders(endpoint, null, headers, type);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @PreDestroy
  public synchronized void stop() {
    if (camel != null) {
      camel.stop();
      camel = null;
    }
  }

  public synchronized boolean isStarted() {
    return camel != null && camel.isStarted();
  }

  /** Each route and its status (Started, Stopped, ...). */
  public synchronized Map<String, String> routeStatus() {
    Map<String, String> out = new LinkedHashMap<>();
    if (camel != null) {
      camel
          .getRoutes()
          .forEach(
              r -> {
                ServiceStatus s = camel.getRouteController().getRouteStatus(r.getRouteId());
                out.put(r.getRouteId(), s == null ? "Unknown" : s.name());
              });
    }
    return out;
  }
}
