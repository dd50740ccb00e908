package org.openmiles.accrual.api;

import java.time.Instant;

/**
 * One received file and what became of it. {@code reversed} / {@code milesReversed}: records that
 * took back an earlier credit (partner reversals, refunded coupons) and the miles they took back.
 */
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
    int reversed,
    long milesReversed,
    Instant receivedAt,
    Instant completedAt) {}
