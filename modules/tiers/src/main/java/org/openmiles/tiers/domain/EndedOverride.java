package org.openmiles.tiers.domain;

/** An override that ended, with the member's earned status when it ended. */
public record EndedOverride(String member, String overrideTier, EarnedStatus earned) {}
