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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openmiles.cashmiles.api.CashMilesCleanup;

/**
 * Hourly clean-up of Cash &amp; Miles quotes and Idempotency-Keys past their retention (at minute
 * 40), once per cluster ({@link ClusterLock}); a failure is logged and the next hour catches up.
 */
@Singleton
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CashMilesScheduler {
  private static final Logger LOG = Logger.getLogger(CashMilesScheduler.class.getName());

  @Inject CashMilesCleanup cleanup;
  @Inject ClusterLock lock;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "openmiles.jobs.enabled", defaultValue = "true")
  boolean enabled;

  @Schedule(hour = "*", minute = "40", persistent = false)
  public void cleanUp() {
    if (!enabled) {
      return;
    }
    try {
      lock.runFiring(
          "cashmiles-cleanup", Duration.ofMinutes(1), () -> cleanup.cleanUp(clock.instant()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "job cashmiles-cleanup failed; it will run again next hour", e);
    }
  }
}
