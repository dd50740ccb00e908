package org.openmiles.retention.application;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openmiles.common.ValidationException;
import org.openmiles.common.observability.Correlation;
import org.openmiles.common.observability.Node;
import org.openmiles.retention.api.ScoringRunInProgressException;
import org.openmiles.retention.api.ScoringRunNotFoundException;
import org.openmiles.retention.api.ScoringRunView;
import org.openmiles.retention.api.ScoringRuns;
import org.openmiles.retention.domain.ScoreWork;
import org.openmiles.retention.domain.ScoringRunStore;
import org.openmiles.retention.domain.ScoringScope;
import org.openmiles.retention.domain.ScoringSettings;

/**
 * Claims scoring runs (one at a time in the cluster: {@link ScoringRunStore#claim}) and runs them:
 * an on-demand run on a managed executor thread, answering at once with the claimed run; the
 * nightly one on the timer's thread. A run that fails is recorded FAILED with its cause, and the
 * scores of the previous run stay (the publication is one transaction).
 */
@ApplicationScoped
public class DefaultScoringRuns implements ScoringRuns {
  private static final Logger LOG = Logger.getLogger(DefaultScoringRuns.class.getName());

  @Inject ScoringRunStore runs;
  @Inject ScoringJob job;
  @Inject ScoringTransactions tx;
  @Inject ScoringSettings settings;
  @Inject Clock clock;

  @Resource ManagedExecutorService executor;

  final RunningHere here = new RunningHere();

  @Inject
  @ConfigProperty(name = "openmiles.tiers.zone", defaultValue = "Asia/Ho_Chi_Minh")
  String zone;

  @Override
  public ScoringRunView start(LocalDate asOf, String requestedBy) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(zone)));
    LocalDate date = asOf == null ? today.minusDays(1) : asOf;
    if (date.isAfter(today)) {
      throw ValidationException.of("asOf", "must not be after today (" + today + ")");
    }
    ScoringScope scope = new ScoringScope(null, date);
    long run = claim("SCORE", "ON_DEMAND", scope, requestedBy);
    executor.submit(
        () -> {
          try (Correlation.Scope s = Correlation.open(Correlation.newId("job-retention-scoring"))) {
            execute(run, scope);
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "retention scoring run " + run + " failed", e);
          }
        });
    return run(run);
  }

  @Override
  public ScoringRunView runNow(String trigger) {
    LocalDate yesterday = LocalDate.now(clock.withZone(ZoneId.of(zone))).minusDays(1);
    ScoringScope scope = new ScoringScope(null, yesterday);
    long run = claim("SCORE", trigger, scope, null);
    execute(run, scope);
    return run(run);
  }

  /**
   * Summary and fits only, over the members whose number starts with {@code cohort}, with activity
   * up to {@code asOf}: the models checked through the job's own path (the CDNOW test).
   */
  public ScoringJob.Fits fitCohort(String cohort, LocalDate asOf, String requestedBy) {
    ScoringScope scope = new ScoringScope(cohort, asOf);
    long run = claim("FIT", "TEST", scope, requestedBy);
    try {
      ScoringJob.Fits fits = job.fitOnly(run, scope);
      finish(run, "DONE", null, fits.members(), null, null);
      return fits;
    } catch (RuntimeException e) {
      finish(run, "FAILED", String.valueOf(e.getMessage()), null, null, null);
      throw e;
    }
  }

  @Override
  public ScoringRunView run(long runId) {
    return tx.inNewTransaction(() -> runs.find(runId))
        .orElseThrow(() -> new ScoringRunNotFoundException("no scoring run " + runId));
  }

  @Override
  public Optional<ScoringRunView> latest() {
    return tx.inNewTransaction(runs::latest);
  }

  private long claim(String kind, String trigger, ScoringScope scope, String requestedBy) {
    OptionalLong claimed =
        tx.inNewTransaction(
            () ->
                runs.claim(
                    kind, trigger, scope, requestedBy, Node.name(), settings.staleMinutes()));
    if (claimed.isEmpty()) {
      OptionalLong running = tx.inNewTransaction(runs::running);
      throw new ScoringRunInProgressException(running.orElse(0));
    }
    return claimed.getAsLong();
  }

  private void execute(long run, ScoringScope scope) {
    here.execute(
        run,
        () -> {
          try {
            ScoreWork.Published p = job.score(run, scope);
            finish(run, "DONE", null, p.scored(), p.atRisk(), p.moved());
          } catch (RuntimeException e) {
            finish(
                run,
                "FAILED",
                e.getClass().getSimpleName() + ": " + e.getMessage(),
                null,
                null,
                null);
            throw e;
          }
        });
  }

  /** A stopping server marks its runs FAILED ({@link RunningHere}). */
  @PreDestroy
  void stopping() {
    here.stopping(run -> finish(run, "FAILED", RunningHere.STOPPED, null, null, null), LOG);
  }

  private void finish(
      long run, String state, String message, Long scored, Long atRisk, Long moved) {
    tx.inNewTransaction(
        () -> {
          runs.finish(run, state, message, scored, atRisk, moved);
          return null;
        });
  }
}
