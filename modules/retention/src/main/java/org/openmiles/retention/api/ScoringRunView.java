package org.openmiles.retention.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A scoring run and its progress: {@code state} RUNNING, DONE or FAILED; {@code step} where it is
 * (CLAIMED, SUMMARISING, FITTING, SCORING_HISTORIES, CHECKING_TIERS, CHECKING_EXPIRY, WRITING,
 * DONE); {@code membersDone} of {@code membersTotal} in the current step; at the end how many
 * members were scored, are at risk, and moved segment ({@code null} before).
 */
public record ScoringRunView(
    long id,
    String kind,
    String trigger,
    LocalDate asOf,
    String cohort,
    String state,
    String step,
    long membersDone,
    long membersTotal,
    Instant startedAt,
    Instant finishedAt,
    String node,
    String requestedBy,
    Long scored,
    Long atRisk,
    Long moved,
    String message) {}
