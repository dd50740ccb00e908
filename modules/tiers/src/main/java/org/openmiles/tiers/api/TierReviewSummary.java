package org.openmiles.tiers.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The outcome of the review of the period ending {@code periodEnd}: {@code outcome} is RAN for the
 * call that ran it and ALREADY_RUN for any later (or concurrent) call, which gets the first run's
 * figures. {@code moves} counts members per (from, to) pair, kept tiers included.
 */
public record TierReviewSummary(
    LocalDate periodEnd,
    String qualificationPeriod,
    String outcome,
    long reviewed,
    long moved,
    List<Move> moves,
    Instant startedAt,
    Instant finishedAt) {

  public TierReviewSummary {
    moves = List.copyOf(moves);
  }

  /** {@code members} went from {@code fromTier} to {@code toTier} (the same tier: kept). */
  public record Move(String fromTier, String toTier, long members) {}
}
