package org.openmiles.tiers.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.openmiles.common.ValidationException;
import org.openmiles.common.tx.RetriedTransaction;
import org.openmiles.tiers.api.PeriodNotEndedException;
import org.openmiles.tiers.api.TierReview;
import org.openmiles.tiers.api.TierReviewSummary;
import org.openmiles.tiers.api.TierReviewSummary.Move;
import org.openmiles.tiers.api.events.TierReviewCompleted;
import org.openmiles.tiers.domain.TierProgram;
import org.openmiles.tiers.domain.TierReviewRuns;

/**
 * The period-end review: one transaction that claims the period (a unique run row, so a second or
 * concurrent start finds it taken and returns the first run's summary), reviews every member in one
 * statement and records the summary. Idempotent twice over: the run row, and the statement itself,
 * which only picks statuses ending on or before the period end and moves each past it.
 */
@ApplicationScoped
@Transactional
@RetriedTransaction // a deadlock or serialization failure runs the whole call again (ADR 0023)
public class DefaultTierReview implements TierReview {
  private static final Logger LOG = Logger.getLogger(DefaultTierReview.class.getName());

  @Inject TierReviewRuns runs;
  @Inject TierPrograms programs;
  @Inject TierCalendar calendar;
  @Inject Event<TierReviewCompleted> completed;

  @Override
  public TierReviewSummary run(LocalDate periodEnd) {
    if (periodEnd == null) {
      throw ValidationException.of("periodEnd", "is required");
    }
    TierProgram program = programs.on(periodEnd);
    if (!program.period().isPeriodEnd(periodEnd)) {
      throw ValidationException.of(
          "periodEnd",
          "must be the last day of a "
              + program.period()
              + " period, e.g. "
              + program.period().periodEnd(periodEnd));
    }
    LocalDate today = calendar.today();
    if (!periodEnd.isBefore(today)) {
      throw new PeriodNotEndedException(
          "the period ending " + periodEnd + " has not ended yet (today is " + today + ")");
    }
    if (!runs.claim(periodEnd, program.period().name())) {
      return runs.summary(periodEnd, "ALREADY_RUN")
          .orElseThrow(() -> new IllegalStateException("review run of " + periodEnd + " lost"));
    }
    long started = System.nanoTime();
    List<Move> moves =
        runs.review(
            program, periodEnd, program.period().validUntil(periodEnd, program.validityPeriods()));
    runs.complete(periodEnd, moves);
    TierReviewSummary summary = runs.summary(periodEnd, "RAN").orElseThrow();
    LOG.info(
        () ->
            "tier review of the period ending %s: %d reviewed, %d moved, in %d ms"
                .formatted(
                    periodEnd,
                    summary.reviewed(),
                    summary.moved(),
                    (System.nanoTime() - started) / 1_000_000));
    completed.fire(new TierReviewCompleted(periodEnd, summary.reviewed(), summary.moved()));
    return summary;
  }

  @Override
  public TierReviewSummary runDue() {
    return run(lastPeriodEndBefore(calendar.today()));
  }

  @Override
  @Transactional(TxType.SUPPORTS)
  public Optional<TierReviewSummary> last() {
    return runs.summary(null, "RAN");
  }

  @Override
  @Transactional(TxType.SUPPORTS)
  public LocalDate lastPeriodEndBefore(LocalDate today) {
    return programs.on(today).period().lastEndBefore(today);
  }
}
