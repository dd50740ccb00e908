package org.openmiles.accrual.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.openmiles.accrual.api.ActivityAmount;
import org.openmiles.accrual.api.ActivityOrigin;
import org.openmiles.accrual.api.EarnBasis;
import org.openmiles.accrual.api.FlownCoupon;
import org.openmiles.accrual.api.LedgerReferences;
import org.openmiles.accrual.api.PartnerActivity;

/**
 * A flown coupon's or partner record's origin as stored: what was paid ({@code amount} in {@code
 * currency}; null when the record carries no money) on {@code date}, before any conversion, and the
 * base miles it was credited.
 */
public record RecordedOrigin(
    String reference,
    ActivityOrigin.Kind kind,
    String partnerCode,
    String category,
    BigDecimal amount,
    String currency,
    LocalDate date,
    long baseMiles) {
  /** The category of every flight. */
  public static final String FLIGHT_CATEGORY = "FLIGHT";

  /** A flown coupon about to be credited, as {@link OriginRepository#flights} reads it back. */
  public static RecordedOrigin of(NewCoupon row) {
    FlownCoupon c = row.coupon();
    return new RecordedOrigin(
        LedgerReferences.flownCoupon(c.ticketNumber(), c.couponNumber()),
        ActivityOrigin.Kind.FLIGHT,
        c.flight().marketingCarrier(),
        FLIGHT_CATEGORY,
        c.fare().baseFare(),
        c.fare().currency(),
        c.flight().date(),
        row.rating().baseMiles());
  }

  /**
   * A partner record about to be credited {@code miles} by a partner of {@code partnerKind}, as
   * {@link OriginRepository#partnerRecords} reads it back (money only for a spend).
   */
  public static RecordedOrigin of(PartnerActivity a, String partnerKind, long miles) {
    ActivityAmount amount = a.amount();
    return new RecordedOrigin(
        a.ledgerReference(),
        ActivityOrigin.Kind.PARTNER,
        a.partnerCode(),
        partnerKind,
        amount.basis() == EarnBasis.SPEND ? amount.quantity() : null,
        amount.currency(),
        a.activityDate(),
        miles);
  }
}
