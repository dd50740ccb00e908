package org.openmiles.app;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers within two seconds and the migrations have run. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

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
      return r.down().withData("error", e.getMessage()).build();
    }
  }
}
