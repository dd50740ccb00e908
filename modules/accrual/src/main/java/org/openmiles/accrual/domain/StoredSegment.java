package org.openmiles.accrual.domain;

import java.time.LocalDate;

/** What decides whether a file may update a stored segment: its version and state. */
public record StoredSegment(
    String key, String state, long fileId, LocalDate fileDate, long lineNo, String flownCoupon) {

  /** True when a file of {@code fileDate} registered as {@code fileId} is newer than this row. */
  public boolean olderThan(LocalDate fileDate, long fileId) {
    int c = this.fileDate.compareTo(fileDate);
    return c < 0 || (c == 0 && this.fileId < fileId);
  }
}
