package org.openmiles.integration.common;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A small feed for unit tests of the file pipeline: header {@code H,TEST-FEED,1,<sender>,<date>,
 * <reference>}, details {@code D,<id>,<amount>} whose amount is the control amount, sender label
 * {@code partner}.
 */
final class TestFeed implements Feed<String> {
  static final String HEADER = "H,TEST-FEED,1,DEMO,2026-11-24,REF1";

  @Override
  public String senderLabel() {
    return "partner";
  }

  @Override
  public String formatName() {
    return "TEST-FEED";
  }

  @Override
  public String formatVersion() {
    return "1";
  }

  @Override
  public void checkHeader(List<String> fields, String sender) throws BadRecord {
    Feed.checkHeader(fields, sender, formatName(), formatVersion(), 6);
  }

  @Override
  public BigDecimal controlAmount(List<String> fields) {
    return fields.size() < 3 ? null : Feed.decimal(fields.get(2));
  }

  @Override
  public String detail(List<String> fields, String sender, long line, LocalDate today) {
    return fields.get(1);
  }

  @Override
  public String identity(String record) {
    return record;
  }
}
