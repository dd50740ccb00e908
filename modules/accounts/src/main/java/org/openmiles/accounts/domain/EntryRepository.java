package org.openmiles.accounts.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.Qualifying;

/**
 * The ledger's entries: immutable, one per source reference, appended a batch at a time (ADR 0003).
 * Callers hold the account locks ({@link AccountRepository#lockAccounts}) of the members concerned.
 */
public interface EntryRepository {

  /** The entries already posted under any of these source references. */
  Map<String, StoredEntry> findEntries(Collection<String> sourceRefs);

  /** Appends entries; returns their ids by source reference. */
  Map<String, Long> insertEntries(List<NewEntry> entries);

  /** An entry as stored, for replay detection. */
  record StoredEntry(
      long id,
      MemberNumber member,
      EntryType type,
      long amount,
      long balanceAfter,
      String sourceRef) {}

  /**
   * An entry to append. Ten components on purpose: it is one row of {@code accounts.ledger_entry}
   * as the batch insert writes it (each component a column, {@code qualifying} its three qualifying
   * columns), built only by the ledger's posting code, which computes each column itself; grouping
   * them would only add a wrapper around the row.
   */
  record NewEntry(
      long memberId,
      EntryType type,
      long amount,
      long heldDelta,
      long balanceAfter,
      String sourceRef,
      Long holdId,
      LocalDate activityDate,
      String description,
      Qualifying qualifying) {
    public NewEntry(
        long memberId,
        EntryType type,
        long amount,
        long heldDelta,
        long balanceAfter,
        String sourceRef,
        Long holdId,
        LocalDate activityDate,
        String description) {
      this(
          memberId,
          type,
          amount,
          heldDelta,
          balanceAfter,
          sourceRef,
          holdId,
          activityDate,
          description,
          Qualifying.NONE);
    }
  }
}
