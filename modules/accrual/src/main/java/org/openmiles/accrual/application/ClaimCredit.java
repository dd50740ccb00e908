package org.openmiles.accrual.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.openmiles.accrual.api.CouponKey;

/**
 * A coupon's credit to a claimant: base and qualifying as rated, tier bonus for them; posted by
 * {@link ClaimCredits#post} under the coupon's own ledger references.
 */
record ClaimCredit(
    String member,
    String ticket,
    int coupon,
    LocalDate flightDate,
    String flight,
    long baseMiles,
    long bonusMiles,
    long qualifyingMiles,
    BigDecimal qualifyingFlights,
    BigDecimal qualifyingSpend,
    String tierCode,
    long claimId) {

  /** The coupon as its postings name it. */
  CouponPostings.Flown flown() {
    return new CouponPostings.Flown(
        new org.openmiles.accounts.api.MemberNumber(member), ticket, coupon, flightDate);
  }

  long total() {
    return baseMiles + bonusMiles;
  }

  String refusalReason() {
    return "coupon " + CouponKey.format(ticket, coupon) + " for member " + member;
  }
}
