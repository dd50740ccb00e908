package org.openmiles.accrual.api;

import java.time.Instant;

/** One received file and what became of it. */
public record PartnerFileView(
    long id,
    String partnerCode,
    String fileName,
    String status,
    String reason,
    Integer records,
    int accepted,
    int duplicates,
    int parked,
    int rejected,
    long milesIssued,
    Instant receivedAt,
    Instant completedAt) {}
