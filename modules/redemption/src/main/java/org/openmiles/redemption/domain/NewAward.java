package org.openmiles.redemption.domain;

import java.time.Instant;
import org.openmiles.accounts.api.MemberNumber;

/** What a new award says; the storage draws its reference. */
public record NewAward(
    MemberNumber member,
    String clientReference,
    String kind,
    String description,
    AwardPassenger passenger,
    long baseMiles,
    long surchargeMiles,
    String requestHash,
    Instant issuedAt) {}
