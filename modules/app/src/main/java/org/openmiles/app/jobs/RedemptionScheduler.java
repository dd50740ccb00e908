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
import org.openmiles.redemption.api.ExpiryServices;

/**
 * Daily expiry notices (03:00 server time, after the 02:15 miles expiry): members whose miles
 * expire within 30, 60 or 90 days, each told once per window and expiry date ({@code
 * MilesExpiring}). Once per cluster ({@link ClusterLock}), as one transaction ({@link
 * TransactionalJobs}): the notices recorded and their events commit together, so a failure leaves
 * none recorded as sent; it is logged and the next day's run catches up.
 */
@Singleton
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RedemptionScheduler {
  private static final Logger LOG = Logger.getLogger(RedemptionScheduler.class.getName());

  @Inject ExpiryServices expiry;
  @Inject TransactionalJobs jobs;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "openmiles.jobs.enabled", defaultValue = "true")
  boolean enabled;

  /** The daily firing, at 03:00: runs on the one node that claims it ({@link ClusterLock}). */
  @Schedule(hour = "3", minute = "0", persistent = false)
  void daily() {
    run(() -> jobs.runFiring("expiry-notices", Duration.ofMinutes(1), this::send));
  }

  /** Sends the notices now, as the daily timer does (whenever no other node is sending them). */
  public void sendExpiryNotices() {
    run(() -> jobs.runOnce("expiry-notices", this::send));
  }

  private int send() {
    return expiry.sendExpiryNotices(LocalDate.now(clock));
  }

  private void run(Runnable job) {
    if (!enabled) {
      return;
    }
    try {
      job.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "job expiry-notices failed; it will run again tomorrow", e);
    }
  }
}
