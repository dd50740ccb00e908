package org.openmiles.app.jobs;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openmiles.tiers.api.TierReview;
import org.openmiles.tiers.api.TierService;

/**
 * The tiers module's daily work, at 00:20 in the airline's time zone ({@code
 * openmiles.tiers.zone}): end the agent overrides past their last day, and, only if {@code
 * openmiles.tiers.review.scheduled} is true (default false: admins run it through {@code POST
 * /api/v1/tiers/reviews}), the review of the period that has just ended. Each runs once per cluster
 * ({@link ClusterLock}), each as one transaction ({@link TransactionalJobs}); both are idempotent,
 * and the review runs once per period end whoever starts it, so a failure is logged with its cause
 * and the next day's run does the work.
 */
@Singleton
@Startup
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TiersScheduler {
  private static final Logger LOG = Logger.getLogger(TiersScheduler.class.getName());

  @Resource TimerService timers;
  @Inject TierService tiers;
  @Inject TierReview review;
  @Inject TransactionalJobs jobs;

  @Inject
  @ConfigProperty(name = "openmiles.jobs.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "openmiles.tiers.review.scheduled", defaultValue = "false")
  boolean reviewScheduled;

  @Inject
  @ConfigProperty(name = "openmiles.tiers.zone", defaultValue = "Asia/Ho_Chi_Minh")
  String zone;

  @PostConstruct
  void schedule() {
    if (!enabled) {
      return;
    }
    timers.createCalendarTimer(
        new ScheduleExpression().hour(0).minute(20).second(0).timezone(zone),
        new TimerConfig("tiers-daily", false));
  }

  /** The daily firing: each job runs on the one node that claims the firing. */
  @Timeout
  void daily() {
    fire("tier-override-expiry", tiers::endExpiredOverridesToday);
    if (reviewScheduled) {
      fire("tier-review", review::runDue);
    }
  }

  /** Ends the overrides past their last day, as the daily timer does. */
  public void endExpiredOverrides() {
    run("tier-override-expiry", tiers::endExpiredOverridesToday);
  }

  /** Reviews the period that has just ended, as the daily timer does when it is switched on. */
  public void reviewDue() {
    run("tier-review", review::runDue);
  }

  /** One job, as one transaction (see {@link TransactionalJobs}); a failure waits for tomorrow. */
  private void run(String name, Supplier<?> job) {
    try {
      jobs.runOnce(name, job);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "job " + name + " failed; it will run again tomorrow", e);
    }
  }

  private void fire(String name, Supplier<?> job) {
    try {
      jobs.runFiring(name, Duration.ofMinutes(1), job);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "job " + name + " failed; it will run again tomorrow", e);
    }
  }
}
