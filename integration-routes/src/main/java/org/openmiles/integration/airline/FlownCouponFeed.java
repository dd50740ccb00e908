package org.openmiles.integration.airline;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.openmiles.accrual.api.FlownCoupon;
import org.openmiles.integration.common.BadRecord;

/** The flown-coupon format ({@link FlownCouponFormat}) as a feed. */
final class FlownCouponFeed extends CarrierFeed<FlownCoupon> {
  private final int maxAgeMonths;

  FlownCouponFeed(int maxAgeMonths) {
    super(FlownCouponFormat.NAME, FlownCouponFormat.VERSION);
    this.maxAgeMonths = maxAgeMonths;
  }

  @Override
  public void checkHeader(List<String> fields, String sender) throws BadRecord {
    FlownCouponFormat.checkHeader(fields, sender);
  }

  @Override
  public BigDecimal controlAmount(List<String> fields) {
    return FlownCouponFormat.fareOf(fields);
  }

  @Override
  public FlownCoupon detail(List<String> fields, String sender, long line, LocalDate today)
      throws BadRecord {
    return FlownCouponFormat.detail(fields, line, today, maxAgeMonths);
  }

  @Override
  public String identity(FlownCoupon record) {
    return "coupon " + record.key();
  }
}
