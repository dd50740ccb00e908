package org.openmiles.tiers.api.events;

import java.time.LocalDate;

/**
 * The review of the period ending {@code periodEnd} committed: {@code reviewed} members were
 * assessed and {@code moved} changed tier. Fired once per review run, inside its transaction;
 * observe {@code AFTER_SUCCESS}.
 */
public record TierReviewCompleted(LocalDate periodEnd, long reviewed, long moved) {}
