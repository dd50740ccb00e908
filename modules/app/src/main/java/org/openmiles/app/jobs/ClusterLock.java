package org.openmiles.app.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Runs a job on one node of the cluster at a time: a PostgreSQL session advisory lock, held on a
 * connection of its own for the job's duration. A node that does not get the lock skips the run; a
 * node that dies releases it with its session.
 *
 * <p>The lock's connection comes from the driver, not from the container's pool, so no pooled
 * handle stays open on the job's thread while its chunks begin and commit their own transactions
 * (the pool may share such a handle with, or enlist it in, those transactions; ADR 0023).
 */
@ApplicationScoped
public class ClusterLock {
  private static final Logger LOG = Logger.getLogger(ClusterLock.class.getName());

  @Inject
  @ConfigProperty(name = "openmiles.db.url")
  String url;

  @Inject
  @ConfigProperty(name = "openmiles.db.user")
  String user;

  @Inject
  @ConfigProperty(name = "openmiles.db.password")
  String password;

  @Inject JobTimes times;

  /** Runs {@code job} if no other node is running the job named {@code name}; true if it ran. */
  public boolean runExclusively(String name, Runnable job) {
    long key = ("openmiles-job:" + name).hashCode();
    try (Connection c = lockConnection()) {
      if (!query(c, "select pg_try_advisory_lock(?)", key)) {
        LOG.fine(() -> "job " + name + " is running on another node; skipped");
        times.skipped(name);
        return false;
      }
      long started = System.nanoTime();
      boolean failed = true;
      try {
        job.run();
        failed = false;
        return true;
      } finally {
        times.ran(name, System.nanoTime() - started, failed);
        query(c, "select pg_advisory_unlock(?)", key);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cluster lock for job " + name + " failed: " + e.getMessage(), e);
    }
  }

  private Connection lockConnection() throws SQLException {
    PGSimpleDataSource driver = new PGSimpleDataSource();
    driver.setURL(url);
    driver.setUser(user);
    driver.setPassword(password);
    driver.setApplicationName("openmiles cluster lock");
    return driver.getConnection();
  }

  private static boolean query(Connection c, String sql, long key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }
}
