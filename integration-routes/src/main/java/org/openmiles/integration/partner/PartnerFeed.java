package org.openmiles.integration.partner;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.openmiles.accrual.api.InboundFileSink;
import org.openmiles.accrual.api.PartnerAccrual;
import org.openmiles.accrual.api.PartnerActivity;
import org.openmiles.integration.common.BadRecord;
import org.openmiles.integration.common.Feed;
import org.openmiles.integration.common.FileSettings;
import org.openmiles.integration.common.InboundFeed;

/**
 * The partner activity format ({@link PartnerFileFormat}) as a {@link Feed}. One instance reads one
 * file: it remembers the version its header gave (version 2 also carries reversals).
 */
public final class PartnerFeed implements Feed<PartnerActivity> {
  private final int maxAgeMonths;
  private String version = PartnerFileFormat.VERSION;

  PartnerFeed(int maxAgeMonths) {
    this.maxAgeMonths = maxAgeMonths;
  }

  /**
   * The activity files of partner {@code code}: from {@code partners/<code>/}, records to {@code
   * sink} (the {@link PartnerAccrual}) in chunks.
   */
  public static InboundFeed<PartnerActivity> of(
      String code, InboundFileSink<PartnerActivity> sink, FileSettings settings) {
    return new InboundFeed<>(
        settings.partnerFolder(code, "inbound").getParent(),
        code,
        () -> new PartnerFeed(settings.maxAgeMonths()),
        sink);
  }

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
    return PartnerFileFormat.detail(fields, sender, line, today, maxAgeMonths);
  }

  /**
   * The transaction id, for a record and for its reversal alike: a file carries one of them once (a
   * second line is DUPLICATE_IN_FILE), and a chunk with a reversal waits for an earlier chunk in
   * flight that carries the same id.
   */
  @Override
  public String identity(PartnerActivity record) {
    return record.partnerTxId();
  }
}
