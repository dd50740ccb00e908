package org.openmiles.retention.api;

import java.util.Optional;
import org.openmiles.accounts.api.MemberNumber;

/** The facts retention keeps about members, for the console and the campaigns. */
public interface MemberFacts {
  /** The member's facts; empty for a number retention has never heard of. */
  Optional<MemberFactsView> of(MemberNumber member);

  /**
   * Recomputes every member's facts from the ledger and accrual's records, through their modules'
   * api, and compares them with the kept ones; with {@code repair}, the kept facts are replaced by
   * the recomputed ones when they differ (after deploying retention on an existing database, say).
   */
  FactsRebuildReport rebuild(boolean repair);

  /**
   * Moves the facts' journal into the kept facts if it is due (the feeds idle, or too many rows or
   * too old ones waiting; ADR 0041); answers the rows moved. The readers see the same facts before
   * and after.
   */
  long foldJournalIfDue();
}
