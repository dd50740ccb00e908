package org.openmiles.tiers.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One change of a member's tier: from, to, why ({@code source}: UPGRADE, REVIEW, MERGE, OVERRIDE,
 * OVERRIDE_ENDED), the reason text, until when the new status holds, and when it happened.
 */
public record TierHistoryView(
    long id,
    String fromTier,
    String toTier,
    String source,
    String reason,
    LocalDate validUntil,
    Instant at) {}
