package org.openmiles.app.operations;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.openmiles.app.Migrations;
import org.openmiles.common.operations.OperationalFacts;

/**
 * The database as operations see it: whether a connection answers, whether the migrations ran, the
 * product and version, and how long a validity check took. The public readiness check gives none of
 * these names.
 */
@ApplicationScoped
public class DatabaseFacts implements OperationalFacts {

  @Resource(lookup = "java:app/jdbc/openmiles")
  DataSource dataSource;

  @Inject Migrations migrations;

  @Override
  public String name() {
    return "database";
  }

  @Override
  public boolean up() {
    return probe().up;
  }

  @Override
  public Map<String, Object> details() {
    Probe p = probe();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("connection", p.up ? "ok" : "unreachable");
    out.put("migrations", migrations.isDone() ? "applied" : "pending");
    if (p.product != null) {
      out.put("product", p.product);
    }
    if (p.error != null) {
      out.put("error", p.error);
    }
    out.put("checkMillis", p.nanos / 1_000_000);
    return out;
  }

  @Override
  public Map<String, Number> gauges() {
    Probe p = probe();
    Map<String, Number> out = new LinkedHashMap<>();
    out.put("database_up", p.up ? 1 : 0);
    out.put("database_check_seconds", p.nanos / 1e9);
    out.put("migrations_applied", migrations.isDone() ? 1 : 0);
    return out;
  }

  private record Probe(boolean up, String product, String error, long nanos) {}

  private Probe probe() {
    long start = System.nanoTime();
    try (Connection c = dataSource.getConnection()) {
      boolean valid = c.isValid(2);
      var meta = c.getMetaData();
      return new Probe(
          valid,
          meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion(),
          null,
          System.nanoTime() - start);
    } catch (SQLException e) {
      return new Probe(false, null, e.getMessage(), System.nanoTime() - start);
    }
  }
}
