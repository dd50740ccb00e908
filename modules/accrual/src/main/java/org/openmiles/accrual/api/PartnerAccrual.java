package org.openmiles.accrual.api;

import java.util.List;

/**
 * Miles from partner activity files. The file adapter registers a file, hands its well-formed
 * records over in chunks (one transaction each), and completes or rejects the file. Records are
 * rated by the partner's effective-dated earn rules and posted to the ledger; a record is credited
 * once, however often and in whatever file it arrives.
 */
public interface PartnerAccrual extends InboundFileSink<PartnerActivity> {

  /** Codes of the partners that may send files. */
  List<String> activePartnerCodes();

  /**
   * Credits the parked records of a member who has just enrolled, if they arrived within the
   * parking window ({@code openmiles.accrual.park-days}); returns the miles credited.
   */
  long creditParked(org.openmiles.accounts.api.MemberNumber member);
}
