package org.openmiles.tiers.api;

import java.time.LocalDate;

/** An agent's status match or override in force: the tier, from when, to when (inclusive), why. */
public record TierOverrideView(
    long id, String tier, LocalDate since, LocalDate expiresOn, String reason, String approver) {}
