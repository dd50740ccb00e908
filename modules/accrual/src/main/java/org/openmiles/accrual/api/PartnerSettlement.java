package org.openmiles.accrual.api;

import java.time.YearMonth;

/** Monthly settlement statements: partners are billed for the miles they issue. */
public interface PartnerSettlement {
  SettlementStatement statement(String partnerCode, YearMonth month);

  /** The most recent files of a partner, newest first, for the partner file monitor. */
  java.util.List<PartnerFileView> recentFiles(String partnerCode, int limit);
}
