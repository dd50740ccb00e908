package org.openmiles.accrual.domain;

/**
 * A record a reversal names, as stored: what it said, what it earned, its status ({@code CREDITED},
 * {@code PARKED}, {@code REVERSED}, {@code CANCELLED}), the file and line that brought it, and for
 * a reversed record the file and line of its reversal and the base miles it took back.
 */
public record OriginalActivity(
    String txId,
    ActivityFacts facts,
    long miles,
    ActivityStatus status,
    FileLine received,
    StoredReversal reversal) {}
