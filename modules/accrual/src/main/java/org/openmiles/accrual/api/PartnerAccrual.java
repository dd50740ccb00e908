package org.openmiles.accrual.api;

import java.util.List;

/**
 * Miles from partner activity files. The file adapter registers a file, hands its well-formed
 * records over in chunks (one transaction each), and completes or rejects the file. Records are
 * rated by the partner's effective-dated earn rules and posted to the ledger; a record is credited
 * once, however often and in whatever file it arrives.
 */
public interface PartnerAccrual {

  /** Codes of the partners that may send files. */
  List<String> activePartnerCodes();

  /** Registers a file by partner and content checksum (SHA-256, hex). */
  FileRegistration registerFile(String partnerCode, String fileName, String checksum);

  /**
   * Rates and credits one chunk of records in one transaction, with any promotion bonus on top; one
   * result per record, in order.
   */
  List<ActivityResult> credit(long fileId, List<PartnerActivity> chunk);

  /**
   * Credits the parked records of a member who has just enrolled, if they arrived within the
   * parking window ({@code openmiles.accrual.park-days}), with the promotion bonuses their activity
   * dates earn; returns the miles credited, bonus miles included.
   */
  long creditParked(org.openmiles.accounts.api.MemberNumber member);

  /** Records a processed file's counts. */
  void completeFile(long fileId, FileSummary summary);

  /** Records that a file was refused whole (bad header, trailer, encoding), with the reason. */
  void rejectFile(long fileId, String reason, int recordCount);
}
