package org.openmiles.app;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers within two seconds and the migrations have run. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
  private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class.getName());

  @Resource(lookup = "java:app/jdbc/openmiles")
  DataSource dataSource;

  @Inject Migrations migrations;

  @Override
  public HealthCheckResponse call() {
    var r = HealthCheckResponse.named("database");
    try (Connection c = dataSource.getConnection()) {
      boolean valid = c.isValid(2);
      return r.status(valid && migrations.isDone())
          .withData("connection", valid ? "ok" : "not valid")
          .withData("migrations", migrations.isDone() ? "applied" : "pending")
          .build();
    } catch (SQLException e) {
      // the public answer says only that the database is unreachable; the reason goes to the log
      LOG.log(Level.WARNING, "readiness: the database is unreachable: {0}", e.getMessage());
      return r.down().withData("connection", "unreachable").build();
    }
  }
}
