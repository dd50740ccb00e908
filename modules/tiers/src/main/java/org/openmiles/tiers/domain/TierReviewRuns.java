package org.openmiles.tiers.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.openmiles.tiers.api.TierReviewSummary;
import org.openmiles.tiers.api.TierReviewSummary.Move;

/**
 * The period-end reviews: claimed once, run over all members at once, recorded with their moves.
 */
public interface TierReviewRuns {

  /** Claims the review of {@code periodEnd}: true for the one caller that claims it first. */
  boolean claim(LocalDate periodEnd, String period);

  /**
   * Reviews every non-lifetime status above the base tier that ends on or before {@code periodEnd}
   * ({@link TierProgram#reviewed}); returns the moves per (from, to), kept tiers included.
   */
  List<Move> review(TierProgram program, LocalDate periodEnd, LocalDate newValidUntil);

  /** Records the run's moves and totals. */
  void complete(LocalDate periodEnd, List<Move> moves);

  /** The recorded run of {@code periodEnd}, or of the latest period end when null. */
  Optional<TierReviewSummary> summary(LocalDate periodEnd, String outcome);
}
