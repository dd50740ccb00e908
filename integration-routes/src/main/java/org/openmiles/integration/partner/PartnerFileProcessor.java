package org.openmiles.integration.partner;

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
import org.openmiles.accrual.api.PartnerAccrual;
import org.openmiles.accrual.api.PartnerActivity;
import org.openmiles.integration.bootstrap.ContainerWork;
import org.openmiles.integration.common.BadRecord;
import org.openmiles.integration.common.Feed;
import org.openmiles.integration.common.FileOwner;
import org.openmiles.integration.common.FileSettings;
import org.openmiles.integration.common.TwoPassFileProcessor;

/**
 * Partner activity files ({@link PartnerFileFormat}) through the {@link TwoPassFileProcessor}:
 * records go to {@link PartnerAccrual} in chunks. Sets the header {@link #FOLDER_HEADER} to the
 * folder the file moves to afterwards: archive or rejects.
 */
@ApplicationScoped
public class PartnerFileProcessor {
  public static final String FOLDER_HEADER = "openmilesFolder";

  @Inject PartnerAccrual accrual;
  @Inject FileSettings settings;
  @Inject Clock clock;
  @Inject ContainerWork container;
  @Inject FileOwner owner;

  /**
   * The Camel entry: processes the exchange's file as its claimed owner (see {@link FileOwner}) and
   * says where it goes next.
   */
  public void process(Exchange exchange, String partnerCode) throws Exception {
    File file = exchange.getIn().getBody(File.class);
    String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
    exchange
        .getIn()
        .setHeader(
            FOLDER_HEADER,
            owner.working(file.toPath(), () -> handle(file.toPath(), name, partnerCode)));
  }

  /**
   * Processes one file of a partner: writes its acknowledgement (and reject file) to {@code
   * outbound/} and returns the folder it belongs in now, {@code archive} or {@code rejects}.
   */
  public String handle(Path path, String name, String partnerCode) throws IOException {
    return new TwoPassFileProcessor<>(new PartnerFeed(), accrual, settings, clock, container)
        .handle(path, name, partnerCode, settings.partnerFolder(partnerCode, "outbound"));
  }

  /**
   * The partner activity format, with {@link PartnerAccrual} as the sink. One instance reads one
   * file: it remembers the version its header gave (version 2 also carries reversals).
   */
  private final class PartnerFeed implements Feed<PartnerActivity> {
    private String version = PartnerFileFormat.VERSION;

    @Override
    public String senderLabel() {
      return "partner";
    }

    @Override
    public String formatName() {
      return PartnerFileFormat.NAME;
    }

    @Override
    public String formatVersion() {
      return version;
    }

    @Override
    public void checkHeader(List<String> fields, String sender) throws BadRecord {
      version = PartnerFileFormat.checkHeader(fields, sender);
    }

    @Override
    public void checkRecordType(String type) throws BadRecord {
      PartnerFileFormat.checkRecordType(type, version);
    }

    @Override
    public BigDecimal controlAmount(List<String> fields) {
      return PartnerFileFormat.quantityOf(fields);
    }

    @Override
    public PartnerActivity detail(List<String> fields, String sender, long line, LocalDate today)
        throws BadRecord {
      return PartnerFileFormat.detail(fields, sender, line, today, settings.maxAgeMonths());
    }

    /**
     * The transaction id, for a record and for its reversal alike: a file carries one of them once
     * (a second line is DUPLICATE_IN_FILE), and a chunk with a reversal waits for an earlier chunk
     * in flight that carries the same id.
     */
    @Override
    public String identity(PartnerActivity record) {
      return record.partnerTxId();
    }
  }
}
