package org.openmiles.app;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.openmiles.app.security.DemoMode;

/**
 * Applies the Flyway migrations of every module at start, before any request is served: one schema
 * per module, each with its own history table, in dependency order. A failed migration stops the
 * deployment rather than serving on a half-migrated database. Before anything, demo material
 * outside demo mode stops the start ({@link DemoMode}).
 */
@Singleton
@Startup
public class Migrations {
  private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

  /**
   * Module schemas in the order they are migrated (later ones may read earlier ones' api views).
   */
  public static final List<String> SCHEMAS =
      List.of("accounts", "accrual", "tiers", "redemption", "cashmiles", "console", "security");

  @Resource(lookup = "java:app/jdbc/openmiles")
  DataSource dataSource;

  private volatile boolean done;

  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void migrate() {
    DemoMode.check(ConfigProvider.getConfig());
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    String vendor = vendor();
    for (String schema : SCHEMAS) {
      String location = "db/" + vendor + "/" + schema;
      if (cl.getResource(location) == null) {
        continue; // module has no tables yet
      }
      MigrateResult r =
          Flyway.configure(cl)
              .dataSource(dataSource)
              .schemas(schema)
              .createSchemas(true)
              .locations("classpath:" + location)
              .load()
              .migrate();
      LOG.info(
          () ->
              "schema "
                  + schema
                  + ": "
                  + r.migrationsExecuted
                  + " migration(s) applied, now at version "
                  + (r.targetSchemaVersion == null
                      ? r.initialSchemaVersion
                      : r.targetSchemaVersion));
    }
    done = true;
  }

  /** The migration folder for the database behind the data source: postgresql or oracle. */
  private String vendor() {
    try (Connection c = dataSource.getConnection()) {
      String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      return product.contains("oracle") ? "oracle" : "postgresql";
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot reach the database to migrate it: " + e.getMessage(), e);
    }
  }

  public boolean isDone() {
    return done;
  }
}
