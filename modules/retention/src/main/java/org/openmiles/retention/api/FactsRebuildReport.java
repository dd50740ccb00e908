package org.openmiles.retention.api;

import java.util.List;

/**
 * The outcome of recomputing the facts from scratch: how much was read, how many members, days and
 * categories differ from the kept facts (zero: the events kept them exactly), a few of the members
 * that differ, and whether the kept facts were replaced.
 */
public record FactsRebuildReport(
    long entriesRead,
    long lastEntryId,
    long members,
    long membersDiffering,
    long daysDiffering,
    long categoriesDiffering,
    List<String> examples,
    boolean repaired,
    long millis) {
  public FactsRebuildReport {
    examples = List.copyOf(examples);
  }

  /** Whether the kept facts equal the recomputed ones. */
  public boolean matches() {
    return membersDiffering == 0 && daysDiffering == 0 && categoriesDiffering == 0;
  }
}
