package org.openmiles.integration.common;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.apache.camel.builder.RouteBuilder;

/**
 * The {@code file-ownership} route: three times per lease, renews this instance's lease as a file
 * worker and checks the watched folders ({@link FileOwner#check()}), from start-up on, for as long
 * as the application runs.
 */
@Dependent
public class FileOwnershipRoutes extends RouteBuilder {
  @Inject FileOwner owner;
  @Inject FileSettings settings;

  @Override
  public void configure() {
    from(Endpoints.timer(
            getContext(),
            "file-ownership",
            timer -> {
              timer.setDelay(500);
              timer.setPeriod(settings.ownershipCheckMillis());
            }))
        .routeId("file-ownership")
        .process(exchange -> owner.check());
  }
}
