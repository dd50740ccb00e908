package org.openmiles.tiers.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A member's status today (in the airline's time zone): the effective tier (the higher of the
 * earned one and an override in force), until when it holds ({@code null}: no end date), the earned
 * status and the override behind it, the qualifying activity of the current period and the
 * lifetime, and the progress to the next tier and to keep the current one ({@code null} when there
 * is none: no tier above, or a base or lifetime tier that needs no keeping). {@code
 * qualifyingSpend} is in {@code spendCurrency}, which is {@code null} while no tier in force counts
 * spend.
 *
 * <p>Flat on purpose: it is a JSON body of the REST API (docs/api.md), its components being the
 * fields of the response; grouping them into value records would change the wire format.
 */
public record TierStatusView(
    String member,
    String tier,
    String tierName,
    LocalDate validUntil,
    String earnedTier,
    LocalDate earnedSince,
    LocalDate earnedValidUntil,
    TierOverrideView override,
    String qualificationPeriod,
    LocalDate periodFrom,
    LocalDate periodTo,
    long qualifyingMiles,
    BigDecimal qualifyingFlights,
    BigDecimal qualifyingSpend,
    String spendCurrency,
    long lifetimeQualifyingMiles,
    TierProgressView next,
    TierProgressView keep) {}
