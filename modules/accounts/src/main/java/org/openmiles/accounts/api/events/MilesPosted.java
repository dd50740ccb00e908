package org.openmiles.accounts.api.events;

import java.time.LocalDate;
import java.util.List;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.Qualifying;

/**
 * Entries that changed balances, committed together: one event per posting call or per batch, never
 * one per row on bulk paths. Replays (already-posted references) are not included.
 */
public record MilesPosted(List<Entry> entries) {
  public MilesPosted {
    entries = List.copyOf(entries);
  }

  /**
   * One posted entry; {@code miles} is its signed effect on the balance, {@code qualifying} the
   * tier-qualifying activity it carries (negative on a reversal).
   */
  public record Entry(
      long entryId,
      MemberNumber member,
      EntryType type,
      long miles,
      String source,
      LocalDate activityDate,
      Qualifying qualifying) {
    public Entry {
      qualifying = qualifying == null ? Qualifying.NONE : qualifying;
    }

    /** An entry without qualifying activity. */
    public Entry(
        long entryId,
        MemberNumber member,
        EntryType type,
        long miles,
        String source,
        LocalDate activityDate) {
      this(entryId, member, type, miles, source, activityDate, Qualifying.NONE);
    }
  }
}
