package org.openmiles.accounts.api;

import java.util.Optional;

/**
 * Merging duplicate members. One transaction locks both accounts, moves every mile the duplicate
 * has to the survivor through the ledger (a {@link EntryType#MERGE_OUT} and a {@link
 * EntryType#MERGE_IN} entry, the survivor's expiry lots keeping each mile's expiry date), closes
 * the duplicate with a pointer to the survivor and fires {@link
 * org.openmiles.accounts.api.events.MembersMerged} (tiers combine qualifying activity in the same
 * transaction). Refused with {@link MergeRefusedException} while the duplicate has miles on hold.
 */
public interface MemberMerges {

  /** Merges; a merge already done (same pair) returns it with {@code replayed = true}. */
  MergeView merge(MergeMembers command);

  /**
   * Why these two cannot be merged now, or empty if they can (the same checks {@link #merge} makes,
   * without locks): for the confirmation screen.
   */
  Optional<String> refusal(MemberNumber survivor, MemberNumber duplicate);

  /** The merge that closed {@code duplicate}, if it was merged. */
  Optional<MergeView> mergeOf(MemberNumber duplicate);
}
