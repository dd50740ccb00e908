package org.openmiles.accrual.api;

import java.time.YearMonth;

/** Monthly settlement statements: partners are billed for the miles they issue. */
public interface PartnerSettlement {
  SettlementStatement statement(String partnerCode, YearMonth month);

  /** The most recent files of a partner, newest first, for the partner file monitor. */
  java.util.List<PartnerFileView> recentFiles(String partnerCode, int limit);

  /**
   * The partner's parked records: how many still wait for their member to enroll, and the ones past
   * the window (oldest first, at most {@code limit}), which are no longer credited automatically.
   */
  ParkedReport parked(String partnerCode, int limit);
}
