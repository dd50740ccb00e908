package org.openmiles.tiers.api;

import java.math.BigDecimal;

/**
 * What a member still needs for {@code tier}: {@code milesNeeded} qualifying miles OR {@code
 * flightsNeeded} qualifying flights OR, when the tier counts spend, {@code spendNeeded} qualifying
 * spend (in the status's {@code spendCurrency}; {@code null} when the tier has no spend threshold)
 * in the period: any one suffices (a tier met by spend needs nothing more). For a lifetime tier:
 * lifetime qualifying miles ({@code flightsNeeded} and {@code spendNeeded} null).
 */
public record TierProgressView(
    String tier, long milesNeeded, BigDecimal flightsNeeded, BigDecimal spendNeeded) {}
