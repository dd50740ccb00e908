package org.openmiles.integration.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when Camel runs and every route is started (or file routes are switched off). The answer is
 * public (load balancers probe it), so it gives counts, never route or partner names
 * (docs/security.md).
 */
@Readiness
@ApplicationScoped
public class CamelReadiness implements HealthCheck {

  @Inject CamelRuntime camel;

  @Inject
  @ConfigProperty(name = "openmiles.files.enabled", defaultValue = "true")
  boolean enabled;

  @Override
  public HealthCheckResponse call() {
    var r = HealthCheckResponse.named("routes");
    if (!enabled) {
      return r.up().withData("files", "disabled").build();
    }
    var status = camel.routeStatus();
    long started = status.values().stream().filter("Started"::equals).count();
    boolean up = camel.isStarted() && started == status.size();
    return r.status(up).withData("started", started).withData("routes", status.size()).build();
  }
}
