package org.openmiles.accrual.domain;

import java.time.LocalDate;

/** A claim to insert (status PENDING until matched, in the same transaction). */
public record NewClaim(
    String member,
    String ticket,
    Integer coupon,
    String carrier,
    String flightNumber,
    LocalDate flightDate,
    String origin,
    String destination,
    String bookingClass,
    String idempotencyKey,
    String requestHash) {}
