package org.openmiles.integration.bootstrap;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts Camel once the database is migrated (the application's {@code Migrations} startup bean),
 * unless {@code openmiles.files.enabled} is false.
 */
@Singleton
@Startup
@DependsOn("Migrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IntegrationStartup {
  private static final Logger LOG = Logger.getLogger(IntegrationStartup.class.getName());

  @Inject CamelRuntime camel;

  @Inject
  @ConfigProperty(name = "openmiles.files.enabled", defaultValue = "true")
  boolean enabled;

  @PostConstruct
  void start() {
    if (enabled) {
      camel.start();
    } else {
      LOG.info("file routes are switched off (openmiles.files.enabled=false)");
    }
  }
}
