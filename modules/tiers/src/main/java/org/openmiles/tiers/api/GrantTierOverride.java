package org.openmiles.tiers.api;

import java.time.LocalDate;

/**
 * An agent grants a member a tier until {@code expiresOn} (inclusive): a status match from another
 * airline or a service gesture. {@code approver} is the supervisor who approved it.
 */
public record GrantTierOverride(String tier, String reason, String approver, LocalDate expiresOn) {}
