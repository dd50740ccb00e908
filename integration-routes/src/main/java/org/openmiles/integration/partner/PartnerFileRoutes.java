package org.openmiles.integration.partner;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.apache.camel.builder.RouteBuilder;
import org.openmiles.accrual.api.PartnerAccrual;
import org.openmiles.integration.common.FileOwner;
import org.openmiles.integration.common.FileSettings;
import org.openmiles.integration.common.InboundFolder;

/**
 * One route per active partner: picks up complete files from {@code inbound/} (the size must stop
 * changing first; {@code .part}/{@code .tmp} names are ignored until renamed), moves each to {@code
 * processing/} while it runs, then to {@code archive/} or {@code rejects/} (refused whole or a
 * duplicate). A fault moves it to {@code failed/} and is logged with its cause. The partner's
 * folders are watched by the {@link FileOwner}: files of a dead process are resumed, entries that
 * are not regular files refused.
 */
@Dependent
public class PartnerFileRoutes extends RouteBuilder {
  private static final Logger LOG = Logger.getLogger(PartnerFileRoutes.class.getName());

  @Inject PartnerAccrual accrual;
  @Inject FileSettings settings;
  @Inject PartnerFileProcessor processor;
  @Inject FileOwner owner;

  @Override
  public void configure() {
    onException(Exception.class)
        .log(
            org.apache.camel.LoggingLevel.ERROR,
            "partner file ${header.CamelFileName} failed and was moved to failed/: ${exception.message}")
        .handled(false);

    bindToRegistry(InboundFolder.READ_LOCK, owner.readLock());
    for (String code : accrual.activePartnerCodes()) {
      settings.createPartnerFolders(code);
      owner.watch(
          new FileOwner.Watched(
              settings.partnerFolder(code, "inbound").getParent(),
              "partner " + code,
              "partner",
              code,
              PartnerFileFormat.NAME + " " + PartnerFileFormat.VERSION));
      from(uri(code))
          .routeId("partner-" + code)
          .process(exchange -> processor.process(exchange, code));
    }
  }

  private String uri(String code) {
    return InboundFolder.uri(
        settings.partnerFolder(code, "inbound").getParent(),
        settings.pollMillis(),
        PartnerFileProcessor.FOLDER_HEADER);
  }
}
