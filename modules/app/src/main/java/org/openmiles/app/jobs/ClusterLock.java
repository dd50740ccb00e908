package org.openmiles.app.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Runs a job on one node of the cluster at a time: a PostgreSQL session advisory lock, held on a
 * connection of its own for the job's duration. A node that does not get the lock skips the run; a
 * node that dies releases it with its session.
 */
@ApplicationScoped
public class ClusterLock {
  private static final Logger LOG = Logger.getLogger(ClusterLock.class.getName());

  @Inject DataSource dataSource;

  /** Runs {@code job} if no other node is running the job named {@code name}; true if it ran. */
  public boolean runExclusively(String name, Runnable job) {
    long key = ("openmiles-job:" + name).hashCode();
    try (Connection c = dataSource.getConnection()) {
      if (!query(c, "select pg_try_advisory_lock(?)", key)) {
        LOG.fine(() -> "job " + name + " is running on another node; skipped");
        return false;
      }
      try {
        job.run();
        return true;
      } finally {
        query(c, "select pg_advisory_unlock(?)", key);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cluster lock for job " + name + " failed: " + e.getMessage(), e);
    }
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
