package org.openmiles.accrual.domain;

import java.time.Instant;
import java.util.List;
import org.openmiles.accrual.api.FileRegistration;
import org.openmiles.accrual.api.FileSummary;
import org.openmiles.accrual.api.PartnerFileView;

/**
 * Inbound files of partners (and of the host airline): registered by content, then completed,
 * rejected or failed.
 */
public interface PartnerFileRepository {
  /**
   * Registers a file by content. A checksum seen before is a DUPLICATE, unless that earlier run is
   * still PROCESSING (it was interrupted) or FAILED (a fault stopped it): then this run RESUMES it
   * under the same id.
   */
  FileRegistration registerFile(String partner, String name, String checksum, Instant now);

  /** Registers a file of a feed ({@code PARTNER_ACTIVITY}, {@code FLOWN_COUPONS}, ...). */
  FileRegistration registerFile(
      String partner, String feed, String name, String checksum, Instant now);

  List<PartnerFileView> recentFiles(String partner, int limit);

  void completeFile(long fileId, FileSummary s, Instant now);

  void rejectFile(long fileId, String reason, int records, Instant now);

  /** Marks a file that a fault stopped as FAILED, with the reason (kept from a later resume). */
  void failFile(long fileId, String reason, Instant now);
}
