package org.openmiles.tiers.domain;

/**
 * A tier in force and the members holding it above the base tier ({@code rank} 0 is the base tier,
 * whose count the statistics derive from the number of members).
 */
public record TierHeadcount(String code, String name, int rank, long members) {}
