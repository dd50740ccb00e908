package org.openmiles.integration.settlement;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.apache.camel.builder.RouteBuilder;
import org.openmiles.accrual.api.PartnerAccrual;
import org.openmiles.accrual.api.PartnerSettlement;
import org.openmiles.accrual.api.SettlementStatement;
import org.openmiles.integration.common.Endpoints;
import org.openmiles.integration.common.FileSettings;
import org.openmiles.integration.common.OutboundFiles;

/**
 * {@code direct:settlement-files} writes the settlement statement of every active partner for the
 * month in the header {@value #MONTH} (default: the month before now) to the partner's {@code
 * outbound/settlement-<yyyy-MM>.csv}; the body becomes the list of files written. A timer checks
 * daily and runs it once a month. Rewriting a month gives the same file, so a second run is
 * harmless.
 */
@Dependent
public class SettlementRoutes extends RouteBuilder {
  private static final Logger LOG = Logger.getLogger(SettlementRoutes.class.getName());
  public static final String MONTH = "openmilesMonth";
  public static final String ENDPOINT = "direct:settlement-files";

  @Inject PartnerAccrual accrual;
  @Inject PartnerSettlement settlement;
  @Inject FileSettings settings;
  @Inject Clock clock;
  @Inject org.openmiles.integration.bootstrap.ContainerWork container;

  @Override
  public void configure() {
    from(ENDPOINT)
        .routeId("settlement-files")
        .process(
            exchange -> {
              String header = exchange.getIn().getHeader(MONTH, String.class);
              YearMonth month =
                  header == null
                      ? YearMonth.now(clock.withZone(ZoneOffset.UTC)).minusMonths(1)
                      : YearMonth.parse(header);
              exchange.getIn().setBody(container.inTransaction(() -> writeAll(month)));
            });

    // the 1st of the month, once: the timer ticks hourly and writes only if last month's file is
    // missing
    from(Endpoints.timer(
            getContext(),
            "settlement-monthly",
            timer -> {
              timer.setPeriod(3_600_000);
              timer.setDelay(60_000);
            }))
        .routeId("settlement-monthly")
        .process(
            exchange -> {
              YearMonth last = YearMonth.now(clock.withZone(ZoneOffset.UTC)).minusMonths(1);
              container.inTransaction(
                  () -> {
                    for (String code : accrual.activePartnerCodes()) {
                      if (!settings
                          .partnerFolder(code, "outbound")
                          .resolve(fileName(last))
                          .toFile()
                          .exists()) {
                        write(code, last);
                      }
                    }
                    return null;
                  });
            });
  }

  List<Path> writeAll(YearMonth month) throws java.io.IOException {
    List<Path> written = new ArrayList<>();
    for (String code : accrual.activePartnerCodes()) {
      written.add(write(code, month));
    }
    LOG.info(() -> "settlement files for " + month + ": " + written.size() + " partners");
    return written;
  }

  private Path write(String code, YearMonth month) throws java.io.IOException {
    settings.createPartnerFolders(code);
    SettlementStatement s = settlement.statement(code, month);
    Map<String, Object> rows = new LinkedHashMap<>();
    rows.put("partner", s.partnerCode());
    rows.put("month", s.month());
    rows.put("records", s.records());
    rows.put("miles_issued", s.milesIssued());
    rows.put("reversals", s.reversals());
    rows.put("miles_reversed", s.milesReversed());
    rows.put("net_miles", s.netMiles());
    rows.put("price_per_mile", s.pricePerMile().toPlainString());
    rows.put("currency", s.currency());
    rows.put("amount_due", s.amountDue().amount().toPlainString());
    return OutboundFiles.writeKeyValues(
        settings.partnerFolder(code, "outbound"), fileName(month), rows);
  }

  private static String fileName(YearMonth month) {
    return "settlement-" + month + ".csv";
  }
}
