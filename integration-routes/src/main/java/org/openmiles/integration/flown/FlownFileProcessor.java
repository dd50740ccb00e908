package org.openmiles.integration.flown;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.apache.camel.Exchange;
import org.openmiles.accrual.api.FlightAccrual;
import org.openmiles.accrual.api.FlownCoupon;
import org.openmiles.integration.bootstrap.ContainerWork;
import org.openmiles.integration.common.BadRecord;
import org.openmiles.integration.common.Feed;
import org.openmiles.integration.common.FileSettings;
import org.openmiles.integration.common.TwoPassFileProcessor;

/**
 * Flown-coupon files ({@link FlownCouponFormat}) through the {@link TwoPassFileProcessor}: coupons
 * go to {@link FlightAccrual} in chunks; the answer files go to {@code airline/flown/outbound/}.
 */
@ApplicationScoped
public class FlownFileProcessor {
  public static final String FEED = "flown";
  public static final String FOLDER_HEADER = "openmilesFolder";

  @Inject FlightAccrual accrual;
  @Inject FileSettings settings;
  @Inject Clock clock;
  @Inject ContainerWork container;

  public void process(Exchange exchange) throws IOException {
    File file = exchange.getIn().getBody(File.class);
    String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
    exchange.getIn().setHeader(FOLDER_HEADER, handle(file.toPath(), name));
  }

  /** Processes one flown-coupon file; returns the folder it belongs in now. */
  public String handle(Path path, String name) throws IOException {
    return new TwoPassFileProcessor<>(new CouponFeed(), accrual, settings, clock, container)
        .handle(path, name, accrual.hostCarrier(), settings.airlineFolder(FEED, "outbound"));
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
