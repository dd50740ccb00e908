package org.openmiles.tiers.api;

import java.math.BigDecimal;

/**
 * What a member still needs for {@code tier}: {@code milesNeeded} qualifying miles OR {@code
 * flightsNeeded} qualifying flights in the period (either suffices); for a lifetime tier, lifetime
 * qualifying miles ({@code flightsNeeded} null). Zero means reached.
 */
public record TierProgressView(String tier, long milesNeeded, BigDecimal flightsNeeded) {}
