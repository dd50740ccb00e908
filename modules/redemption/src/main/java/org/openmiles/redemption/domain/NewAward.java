package org.openmiles.redemption.domain;

import java.time.Instant;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.redemption.api.AwardPrice;

/**
 * What a new award says; the storage draws its reference. {@code flight} is the price of a flight
 * award (route group, cabin, journey, passengers and the priced parts, kept so that a proposed
 * award chart can be replayed on it), null for upgrade and partner awards.
 */
public record NewAward(
    MemberNumber member,
    String clientReference,
    String kind,
    String description,
    AwardPassenger passenger,
    long baseMiles,
    long surchargeMiles,
    String requestHash,
    Instant issuedAt,
    AwardPrice flight) {}
