package org.openmiles.app;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
      List.of(
          "outbox",
          "jobs",
          "accounts",
          "accrual",
          "tiers",
          "redemption",
          "cashmiles",
          "retention",
          "program",
          "console",
          "security");

  @Resource(lookup = "java:app/jdbc/openmiles")
  DataSource dataSource;

  private volatile boolean done;

  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void migrate() {
    try {
      DemoMode.check(ConfigProvider.getConfig());
    } catch (IllegalStateException refused) {
      // Refusing means not running: a server left up without its application would answer
      // nothing but 404 and a readiness DOWN. The exit runs on its own thread, so that Payara's
      // shutdown hooks do not wait for this deployment, which fails with the same message.
      LOG.severe(refused.getMessage());
      new Thread(() -> System.exit(DemoMode.EXIT_REFUSED), "openmiles-refused-start").start();
      throw refused;
    }
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
    if ("postgresql".equals(vendor)) {
      giveUpAuditOwnership();
    }
    done = true;
  }

  /**
   * The application role gives up its membership in {@code openmiles_audit} after every migration
   * run (also when none was pending). It needed the membership only to hand the audit trails and
   * their schemas to that role (console V2 and V4, security V2; ADR 0026); without it the
   * application role can insert into and read the audit trails, and has no way back to the owner's
   * rights to change, empty or drop them.
   */
  private void giveUpAuditOwnership() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "do $$ begin"
              + " if exists (select 1 from pg_auth_members m"
              + " join pg_roles r on r.oid = m.roleid join pg_roles u on u.oid = m.member"
              + " where r.rolname = 'openmiles_audit' and u.rolname = current_user) then"
              + " execute format('revoke openmiles_audit from %I', current_user);"
              + " end if; end $$");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot give up the membership in openmiles_audit after migrating: " + e.getMessage(), e);
    }
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
