package org.openmiles.accounts.api;

import java.util.List;

/** One page of a statement; {@code nextCursor} is null on the last page. */
public record StatementPage(List<LedgerEntryView> entries, String nextCursor) {
  public StatementPage {
    entries = List.copyOf(entries);
  }

  public boolean hasMore() {
    return nextCursor != null;
  }
}
