package org.openmiles.accrual.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.openmiles.accrual.api.CouponKey;

/** A coupon as stored: where it came from, what it earned, and its state. */
public record StoredCoupon(
    String ticket,
    int coupon,
    String member,
    CouponState state,
    long fileId,
    long lineNo,
    long baseMiles,
    long bonusMiles,
    long promoMiles,
    long qualifyingMiles,
    BigDecimal qualifyingFlights,
    LocalDate flightDate,
    long reversedFileId,
    long reversedLineNo,
    long milesReversed,
    BigDecimal qualifyingSpend) {

  public String key() {
    return CouponKey.format(ticket, coupon);
  }

  public long totalMiles() {
    return baseMiles + bonusMiles + promoMiles;
  }
}
