package org.openmiles.app.jobs;

import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openmiles.accounts.api.MilesLedger;

/**
 * The ledger's clock-driven work: expire holds past their time limit (every 30 s) and expire miles
 * (daily, 02:15 server time). Each runs once per cluster (see {@link ClusterLock}); a failure is
 * logged with its cause and the next run tries again (both jobs are idempotent).
 */
@Singleton
@Lock(LockType.READ) // a long miles expiry must not hold up the 30-second hold expiry
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LedgerScheduler {
  private static final Logger LOG = Logger.getLogger(LedgerScheduler.class.getName());
  private static final Duration EVERY_30_SECONDS = Duration.ofSeconds(30);

  @Inject MilesLedger ledger;
  @Inject ClusterLock lock;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "openmiles.jobs.enabled", defaultValue = "true")
  boolean enabled;

  @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false)
  public void expireHolds() {
    run("hold-expiry", EVERY_30_SECONDS, () -> ledger.expireHolds(clock.instant()));
  }

  @Schedule(hour = "2", minute = "15", persistent = false)
  public void expireMiles() {
    run("miles-expiry", Duration.ofMinutes(1), () -> ledger.expireMiles(LocalDate.now(clock)));
  }

  private void run(String name, Duration granularity, Runnable job) {
    if (!enabled) {
      return;
    }
    try {
      lock.runFiring(name, granularity, job);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "job " + name + " failed; it will run again on schedule", e);
    }
  }
}
