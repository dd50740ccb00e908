package org.openmiles.accrual.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A record a reversal names, as stored: what it earned, its status ({@code CREDITED}, {@code
 * PARKED}, {@code REVERSED}, {@code CANCELLED}), the file and line that brought it, and for a
 * reversed record the file and line of its reversal and the base miles it took back.
 */
public record OriginalActivity(
    String txId,
    String member,
    LocalDate activityDate,
    String basis,
    BigDecimal quantity,
    String currency,
    long miles,
    ActivityStatus status,
    long fileId,
    long lineNo,
    long reversedFileId,
    long reversedLineNo,
    long milesReversed) {}
