package org.openmiles.app.jobs;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openmiles.retention.api.CampaignRunInProgressException;
import org.openmiles.retention.api.Campaigns;
import org.openmiles.retention.api.RetentionCleanup;
import org.openmiles.retention.api.ScoringRunInProgressException;
import org.openmiles.retention.api.ScoringRuns;

/**
 * The nightly retention scoring (docs/retention.md "Scores"), at 01:30 in the airline's time zone
 * ({@code openmiles.tiers.zone}), when the previous day is whole; off with {@code
 * openmiles.retention.scoring.scheduled=false}. The firing runs on the one node that claims it
 * ({@link ClusterLock#runFiring}); the run itself is also claimed in {@code retention.score_run},
 * one at a time, so a firing that meets an on-demand run still going skips with a line in the log.
 * Not through {@link TransactionalJobs}: a run is many transactions, each step committing its
 * progress, which the API shows while the run goes (ADR 0036).
 *
 * <p>When the scoring finished, the same firing runs the campaigns ({@link Campaigns#runNow}, ADR
 * 0038), so best-customer and win-back read the night's segments and churn reasons; off with {@code
 * openmiles.retention.campaigns.scheduled=false}. A campaign run that fails, or meets an on-demand
 * one still going, is logged and does not fail the firing.
 *
 * <p>Every hour at :50, on the one node that claims the firing, the retention API's old
 * Idempotency-Keys are deleted ({@link RetentionCleanup}).
 */
@Singleton
@Startup
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetentionScheduler {
  private static final Logger LOG = Logger.getLogger(RetentionScheduler.class.getName());
  static final String JOB = "retention-scoring";

  @Resource TimerService timers;
  @Inject ScoringRuns runs;
  @Inject Campaigns campaigns;
  @Inject ClusterLock lock;
  @Inject RetentionCleanup cleanup;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "openmiles.jobs.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "openmiles.retention.scoring.scheduled", defaultValue = "true")
  boolean scheduled;

  @Inject
  @ConfigProperty(name = "openmiles.tiers.zone", defaultValue = "Asia/Ho_Chi_Minh")
  String zone;

  @Inject
  @ConfigProperty(name = "openmiles.retention.campaigns.scheduled", defaultValue = "true")
  boolean campaignsScheduled;

  @PostConstruct
  void schedule() {
    if (!enabled || !scheduled) {
      return;
    }
    timers.createCalendarTimer(
        new ScheduleExpression().hour(1).minute(30).second(0).timezone(zone),
        new TimerConfig("retention-nightly", false));
  }

  /** The nightly firing: the whole scoring job, on the one node that claims the firing. */
  @Timeout
  void nightly() {
    try {
      lock.runFiring(
          JOB,
          Duration.ofMinutes(1),
          () -> {
            runs.runNow("NIGHTLY");
            campaignsAfterScoring();
          });
    } catch (ScoringRunInProgressException busy) {
      LOG.info(() -> "nightly retention scoring skipped: " + busy.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "job " + JOB + " failed; it will run again tomorrow", e);
    }
  }

  /** The hourly clean-up of old Idempotency-Keys. */
  @Schedule(hour = "*", minute = "50", persistent = false)
  public void cleanUp() {
    if (!enabled) {
      return;
    }
    try {
      lock.runFiring(
          "retention-cleanup",
          Duration.ofMinutes(1),
          () -> cleanup.purgeIdempotencyKeys(clock.instant()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "job retention-cleanup failed; it will run again next hour", e);
    }
  }

  /** The campaign run after the night's scoring, on the node that ran it. */
  void campaignsAfterScoring() {
    if (!campaignsScheduled) {
      return;
    }
    try {
      campaigns.runNow("NIGHTLY");
    } catch (CampaignRunInProgressException busy) {
      LOG.info(() -> "nightly campaign run skipped: " + busy.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "nightly campaign run failed; it will run again tomorrow", e);
    }
  }
}
