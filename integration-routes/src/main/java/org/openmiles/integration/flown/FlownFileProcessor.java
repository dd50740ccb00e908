package org.openmiles.integration.flown;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.openmiles.accrual.api.FlightAccrual;
import org.openmiles.accrual.api.FlownCoupon;
import org.openmiles.accrual.api.InboundFileSink;
import org.openmiles.integration.common.AirlineFileProcessor;
import org.openmiles.integration.common.BadRecord;
import org.openmiles.integration.common.Feed;

/**
 * Flown-coupon files ({@link FlownCouponFormat}): coupons go to {@link FlightAccrual} in chunks.
 */
@ApplicationScoped
public class FlownFileProcessor extends AirlineFileProcessor<FlownCoupon> {
  public static final String FEED = "flown";

  @Inject FlightAccrual accrual;

  public FlownFileProcessor() {
    super(FEED);
  }

  @Override
  protected InboundFileSink<FlownCoupon> sink() {
    return accrual;
  }

  @Override
  protected String hostCarrier() {
    return accrual.hostCarrier();
  }

  @Override
  protected Feed<FlownCoupon> newFeed() {
    return new CouponFeed();
  }

  private final class CouponFeed implements Feed<FlownCoupon> {
    @Override
    public String senderLabel() {
      return "carrier";
    }

    @Override
    public String formatName() {
      return FlownCouponFormat.NAME;
    }

    @Override
    public String formatVersion() {
      return FlownCouponFormat.VERSION;
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
      return FlownCouponFormat.detail(fields, line, today, settings.maxAgeMonths());
    }

    @Override
    public String identity(FlownCoupon record) {
      return "coupon " + record.key();
    }
  }
}
