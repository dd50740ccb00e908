package org.openmiles.tiers.api;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The annual (period-end) review, one set-based run over all members whose status ends on or before
 * the period end: keep the tier when the period's activity meets its requirement, otherwise move
 * down one tier (soft landing); lifetime tiers never drop. Runs once per period end, whoever starts
 * it and however often.
 */
public interface TierReview {

  /**
   * Reviews the period ending {@code periodEnd} (a period end of the program in force then), or
   * returns the recorded summary if it ran already.
   */
  TierReviewSummary run(LocalDate periodEnd);

  /** The summary of the most recent review (latest period end), if any ran. */
  Optional<TierReviewSummary> last();

  /** The period end a review is due for on {@code today}: the last period end before it. */
  LocalDate lastPeriodEndBefore(LocalDate today);

  /**
   * Runs the review that is due today (airline time zone): the last period end before today. What
   * the scheduled job calls daily; a review that already ran answers ALREADY_RUN.
   */
  TierReviewSummary runDue();
}
