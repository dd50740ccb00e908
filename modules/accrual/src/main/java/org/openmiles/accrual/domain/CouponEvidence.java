package org.openmiles.accrual.domain;

import java.time.LocalDate;

/**
 * What a claim decision reads of the coupon the airline sent: whose it is, for which flight, and
 * where it stands ({@code state}, as recorded in {@code accrual.flown_coupon}; {@code couponStatus}
 * the airline's own letter, shown in a rejection).
 */
public record CouponEvidence(
    String ticket,
    int coupon,
    char couponStatus,
    String member,
    String lastName,
    String carrier,
    String flightNumber,
    LocalDate flightDate,
    CouponState state) {

  /** {@code ticket/coupon}, as claims and messages name a coupon. */
  public String key() {
    return org.openmiles.accrual.api.CouponKey.format(ticket, coupon);
  }

  /**
   * Whether the coupon is the flight {@code number} on {@code date}: flight numbers compare without
   * surrounding spaces and leading zeros ("0213" is "213"), as booking systems write them either
   * way.
   */
  public boolean isFlight(String number, LocalDate date) {
    return stripZeros(number).equals(stripZeros(flightNumber)) && date.equals(flightDate);
  }

  /** The flight as a message names it, e.g. {@code VN213 on 2026-11-20}. */
  String flight() {
    return carrier + flightNumber + " on " + flightDate;
  }

  private static String stripZeros(String flightNumber) {
    return flightNumber.strip().replaceFirst("^0+(?=\\d)", "");
  }
}
