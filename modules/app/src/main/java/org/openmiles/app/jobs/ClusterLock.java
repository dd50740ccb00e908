package org.openmiles.app.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openmiles.common.observability.Correlation;
import org.openmiles.common.observability.Node;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Runs a job on one node of the cluster at a time: a PostgreSQL session advisory lock, held on a
 * connection of its own for the job's duration. A node that does not get the lock skips the run; a
 * node that dies releases it with its session. A scheduled firing also runs on one node only
 * ({@link #runFiring}): the node that claims it in {@code jobs.job_run}, which keeps a week of
 * firings, with the node that ran each and how it ended. The job runs under a correlation id of its
 * own ({@code job-<name>-…}, ADR 0035).
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
  @Inject Clock clock;

  /**
   * Runs {@code job} if no other node is running the job named {@code name}; true if it ran. For a
   * run asked for by a person or a test: it runs whenever the job is free.
   */
  public boolean runExclusively(String name, Runnable job) {
    return run(name, null, job);
  }

  /**
   * Runs one firing of a scheduled job on one node of the cluster: every node's timer fires, the
   * first to claim the firing in {@code jobs.job_run} runs it, the others skip it, even when the
   * first has already finished (the lock alone would let a late node run the job a second time). A
   * firing is named by its scheduled time: now, rounded to the nearest {@code granularity} (the
   * schedule's step: 30 s for a job every 30 s, a minute for one at a given minute), so the nodes'
   * timers may fire up to half of it apart.
   */
  public boolean runFiring(String name, Duration granularity, Runnable job) {
    return run(name, firing(clock.instant(), granularity), job);
  }

  /** {@code at} rounded to the nearest multiple of {@code granularity} since the epoch. */
  static Instant firing(Instant at, Duration granularity) {
    long step = granularity.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli() + step / 2, step) * step);
  }

  private boolean run(String name, Instant firing, Runnable job) {
    long key = ("openmiles-job:" + name).hashCode();
    try (Connection c = lockConnection()) {
      if (!query(c, "select pg_try_advisory_lock(?)", key)) {
        LOG.fine(() -> "job " + name + " is running on another node; skipped");
        times.skipped(name);
        return false;
      }
      try {
        if (firing != null && !claim(c, name, firing)) {
          LOG.fine(() -> "job " + name + " firing " + firing + " ran on another node; skipped");
          times.skipped(name);
          return false;
        }
        long started = System.nanoTime();
        boolean failed = true;
        try (Correlation.Scope s = Correlation.open(Correlation.newId("job-" + name))) {
          job.run();
          failed = false;
          return true;
        } finally {
          times.ran(name, System.nanoTime() - started, failed);
          if (firing != null) {
            finish(c, name, firing, failed);
          }
        }
      } finally {
        query(c, "select pg_advisory_unlock(?)", key);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cluster lock for job " + name + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Claims the firing for this node (committed at once: the lock's connection is in auto-commit);
   * false if another node has. Firings older than a week are forgotten on the way.
   */
  private static boolean claim(Connection c, String name, Instant firing) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "delete from jobs.job_run where job = ? and firing < ?::timestamptz - interval '7 days'")) {
      ps.setString(1, name);
      ps.setTimestamp(2, Timestamp.from(firing));
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into jobs.job_run (job, firing, node) values (?, ?, ?)"
                + " on conflict (job, firing) do nothing")) {
      ps.setString(1, name);
      ps.setTimestamp(2, Timestamp.from(firing));
      ps.setString(3, Node.name());
      return ps.executeUpdate() == 1;
    }
  }

  private static void finish(Connection c, String name, Instant firing, boolean failed)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update jobs.job_run set finished_at = now(), outcome = ? where job = ? and firing = ?")) {
      ps.setString(1, failed ? "FAILED" : "DONE");
      ps.setString(2, name);
      ps.setTimestamp(3, Timestamp.from(firing));
      ps.executeUpdate();
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
