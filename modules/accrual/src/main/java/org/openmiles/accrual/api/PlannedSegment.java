package org.openmiles.accrual.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A flight a member plans (a what-if, issue 20): the marketing carrier, the route, the date, the
 * booking class and, when known, the segment's base fare (what a revenue-based carrier rates and
 * qualifying spend counts; both or neither).
 */
public record PlannedSegment(
    String carrier,
    String origin,
    String destination,
    LocalDate date,
    String bookingClass,
    BigDecimal baseFare,
    String currency) {}
