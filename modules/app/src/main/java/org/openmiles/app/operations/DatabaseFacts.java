package org.openmiles.app.operations;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.openmiles.app.DataSourceConfig;
import org.openmiles.app.Migrations;
import org.openmiles.common.operations.OperationalFacts;

/**
 * The database as operations see it: whether a connection answers, whether the migrations ran, the
 * product and version, how long a validity check took, and this instance's use of its connection
 * pool as PostgreSQL counts it. The public readiness check gives none of these names.
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
    if (p.connections != null) {
      out.put(
          "connections",
          Map.of(
              "open", p.connections.open(),
              "busy", p.connections.busy(),
              "poolMax", DataSourceConfig.MAX_POOL_SIZE,
              "database", p.connections.database()));
    }
    return out;
  }

  @Override
  public Map<String, Number> gauges() {
    Probe p = probe();
    Map<String, Number> out = new LinkedHashMap<>();
    out.put("database_up", p.up ? 1 : 0);
    out.put("database_check_seconds", p.nanos / 1e9);
    out.put("migrations_applied", migrations.isDone() ? 1 : 0);
    out.put("db_pool_max_connections", DataSourceConfig.MAX_POOL_SIZE);
    if (p.connections != null) {
      out.put("db_connections_open", p.connections.open());
      out.put("db_connections_busy", p.connections.busy());
      out.put("db_connections_database", p.connections.database());
    }
    return out;
  }

  /**
   * This instance's connections as PostgreSQL sees them: those carrying its application name
   * ({@code ApplicationName} in {@code OPENMILES_DB_URL}; set per instance by {@code ./openmiles
   * run} and compose), those of them not idle (in a statement or a transaction; the probe's own
   * left out), and every client connection to the database. Without a name of its own an instance
   * counts the driver's default name, which all such clients share.
   */
  private record Connections(long open, long busy, long database) {}

  private record Probe(
      boolean up, String product, String error, long nanos, Connections connections) {}

  private Probe probe() {
    long start = System.nanoTime();
    try (Connection c = dataSource.getConnection()) {
      boolean valid = c.isValid(2);
      var meta = c.getMetaData();
      return new Probe(
          valid,
          meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion(),
          null,
          System.nanoTime() - start,
          connections(c));
    } catch (SQLException e) {
      return new Probe(false, null, e.getMessage(), System.nanoTime() - start, null);
    }
  }

  private static Connections connections(Connection c) {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                """
                select count(*) filter (where application_name = current_setting('application_name'))
                         as open,
                       count(*) filter (where application_name = current_setting('application_name')
                                          and state <> 'idle' and pid <> pg_backend_pid()) as busy,
                       count(*) as database
                  from pg_stat_activity
                 where backend_type = 'client backend' and datname = current_database()
                """)) {
      rs.next();
      return new Connections(rs.getLong("open"), rs.getLong("busy"), rs.getLong("database"));
    } catch (SQLException e) {
      return null; // not PostgreSQL, or the view refused: the other facts still count
    }
  }
}
