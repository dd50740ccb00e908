package org.openmiles.accrual.domain;

import java.time.LocalDate;

/** A credited coupon, to find the booked segment it flew. */
public record CreditedCoupon(
    String ticket,
    int couponNo,
    String member,
    String carrier,
    String flightNumber,
    LocalDate date,
    String origin,
    long miles) {}
