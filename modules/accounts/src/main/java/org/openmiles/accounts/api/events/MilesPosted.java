package org.openmiles.accounts.api.events;

import java.time.LocalDate;
import java.util.List;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.MemberNumber;

/**
 * Entries that changed balances, committed together: one event per posting call or per batch, never
 * one per row on bulk paths. Replays (already-posted references) are not included.
 */
public record MilesPosted(List<Entry> entries) {
  public MilesPosted {
    entries = List.copyOf(entries);
  }

  /** One posted entry; {@code miles} is its signed effect on the balance. */
  public record Entry(
      long entryId,
      MemberNumber member,
      EntryType type,
      long miles,
      String source,
      LocalDate activityDate) {}
}
