package org.openmiles.accrual.api;

import java.time.Instant;

/**
 * One received file and what became of it. {@code reversed} / {@code milesReversed}: records that
 * took back an earlier credit (partner reversals, refunded coupons) and the miles they took back.
 *
 * <p>Flat on purpose: it is a JSON body of the REST API (docs/api.md), its components being the
 * fields of the response; grouping them into value records would change the wire format.
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
