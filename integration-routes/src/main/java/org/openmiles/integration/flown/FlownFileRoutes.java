package org.openmiles.integration.flown;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.openmiles.integration.common.AirlineFileProcessor;
import org.openmiles.integration.common.AirlineFileRoutes;

/**
 * The airline's flown-coupon files: picked up from {@code airline/flown/inbound/}, credited through
 * {@link FlownFileProcessor}.
 */
@Dependent
public class FlownFileRoutes extends AirlineFileRoutes {

  @Inject FlownFileProcessor processor;

  public FlownFileRoutes() {
    super("flown-coupons", "flown-coupon file", "flown coupons");
  }

  @Override
  protected AirlineFileProcessor<?> processor() {
    return processor;
  }
}
