package org.openmiles.accrual.domain;

import org.openmiles.accrual.api.ClaimStatus;

/** What a match or a review decided for a claim. */
public record ClaimResolution(
    ClaimStatus status,
    String reasonCode,
    String reasonText,
    String matchedTicket,
    Integer matchedCoupon,
    long milesCredited,
    long qualifyingMiles,
    String reviewedBy,
    String reviewNote) {}
