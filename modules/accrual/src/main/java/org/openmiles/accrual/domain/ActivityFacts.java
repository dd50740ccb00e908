package org.openmiles.accrual.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a stored partner record said, as a reversal must repeat it (ADR 0021): the member, the
 * activity date, the earn basis, and the quantity (nights, days or money in {@code currency}).
 */
public record ActivityFacts(
    String member, LocalDate activityDate, String basis, BigDecimal quantity, String currency) {}
