package org.openmiles.accounts.api;

import java.util.List;

/**
 * What an extension did: the miles moved, and per old expiry date the new one. A retry with the
 * same source reference returns {@code replayed = true} and empty moves.
 */
public record ExpiryExtension(
    long entryId,
    MemberNumber member,
    SourceReference source,
    long milesExtended,
    List<Move> moves,
    boolean replayed) {

  public ExpiryExtension {
    moves = List.copyOf(moves);
  }

  /** {@code miles} that would have expired on {@code from} now expire on {@code to}. */
  public record Move(java.time.LocalDate from, java.time.LocalDate to, long miles) {}
}
