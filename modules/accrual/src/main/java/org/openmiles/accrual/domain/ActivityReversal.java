package org.openmiles.accrual.domain;

/**
 * A reversal to record: the record, its new status ({@code REVERSED}, or {@code CANCELLED} for a
 * parked record), the base and promotion bonus miles taken back, and the file and line that did it.
 */
public record ActivityReversal(
    String txId, ActivityStatus status, long miles, long bonusMiles, long fileId, long lineNo) {}
