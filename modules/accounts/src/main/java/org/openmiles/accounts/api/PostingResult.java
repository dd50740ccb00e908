package org.openmiles.accounts.api;

import java.util.List;

/**
 * What a posting did. A retry with the same source reference returns the first posting's result
 * with {@code replayed = true} and changes nothing. {@code lotsConsumed} says, for a debit posted
 * on its own ({@link MilesLedger#post}), how many miles it took from lots of each expiry date; it
 * is empty for credits, batch postings and replays.
 */
public record PostingResult(
    long entryId,
    MemberNumber member,
    EntryType type,
    long miles,
    SourceReference source,
    long balanceAfter,
    boolean replayed,
    List<BalanceView.ExpiringMiles> lotsConsumed) {

  public PostingResult {
    lotsConsumed = lotsConsumed == null ? List.of() : List.copyOf(lotsConsumed);
  }

  public PostingResult(
      long entryId,
      MemberNumber member,
      EntryType type,
      long miles,
      SourceReference source,
      long balanceAfter,
      boolean replayed) {
    this(entryId, member, type, miles, source, balanceAfter, replayed, List.of());
  }

  /** This result as a retry sees it. */
  public PostingResult asReplay() {
    return new PostingResult(entryId, member, type, miles, source, balanceAfter, true, List.of());
  }

  /** This result with the lots its debit consumed. */
  public PostingResult withLotsConsumed(List<BalanceView.ExpiringMiles> lots) {
    return new PostingResult(entryId, member, type, miles, source, balanceAfter, replayed, lots);
  }
}
