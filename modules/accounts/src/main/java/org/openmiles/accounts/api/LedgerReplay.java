package org.openmiles.accounts.api;

import java.time.Instant;
import java.util.List;
import org.openmiles.accounts.api.events.MilesPosted;

/**
 * The ledger and the member register read from the start, page by page, for modules that keep facts
 * from {@link MilesPosted} and want to prove those facts by recomputing them (retention's rebuild):
 * every entry as {@code MilesPosted} published it, in posting order.
 */
public interface LedgerReplay {
  /** Up to {@code limit} entries with an id above {@code afterEntryId}, in id order. */
  List<MilesPosted.Entry> entriesAfter(long afterEntryId, int limit);

  /** Up to {@code limit} members numbered after {@code afterNumber} ("" first), in number order. */
  List<RegisteredMember> membersAfter(String afterNumber, int limit);

  /**
   * A member as registered: when they enrolled and, for a duplicate merged into another member, the
   * survivor and when (ADR 0019).
   */
  record RegisteredMember(
      MemberNumber number, Instant enrolledAt, MemberNumber mergedInto, Instant mergedAt) {}
}
