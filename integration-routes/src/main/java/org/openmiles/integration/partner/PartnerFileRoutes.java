package org.openmiles.integration.partner;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.openmiles.accrual.api.PartnerAccrual;
import org.openmiles.integration.common.InboundFileRoutes;

/**
 * One route per active partner, {@code partner-<CODE>}: picks up complete files from {@code
 * partners/<CODE>/inbound/} (the size must stop changing first; {@code .part}/{@code .tmp} names
 * are ignored until renamed), moves each to {@code processing/} while it runs, then to {@code
 * archive/} or {@code rejects/} (refused whole or a duplicate). A transient database fault runs the
 * file again a few times; any other fault, or one that lasts, moves it to {@code failed/} and is
 * logged with its cause ({@link org.openmiles.integration.common.FileRouteConfiguration}).
 */
@Dependent
public class PartnerFileRoutes extends InboundFileRoutes {

  @Inject PartnerAccrual accrual;

  @Override
  public void configure() {
    for (String code : accrual.activePartnerCodes()) {
      inboundRoute("partner-" + code, "partner " + code, PartnerFeed.of(code, accrual, settings));
    }
  }
}
