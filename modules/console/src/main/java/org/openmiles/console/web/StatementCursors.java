package org.openmiles.console.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the statement tab is in its keyset pages: the cursors of the pages before the current one
 * (to go back to newer entries) and the cursor of the next, older page. Each move returns the
 * cursor to load; {@link #loaded(String)} records what the loaded page says comes next, so a page
 * that fails to load leaves the next cursor as it was.
 */
final class StatementCursors implements Serializable {
  private final List<String> before = new ArrayList<>();
  private String next;

  /** Back to the first page (a new filter or a member read afresh): the cursor to load, none. */
  String first() {
    before.clear();
    return null;
  }

  /** One page older; only when {@link #hasOlder()}. */
  String older() {
    before.add(next);
    return next;
  }

  /** One page newer; only when {@link #hasNewer()}. */
  String newer() {
    before.remove(before.size() - 1);
    return before.isEmpty() ? null : before.get(before.size() - 1);
  }

  void loaded(String nextCursor) {
    next = nextCursor;
  }

  boolean hasOlder() {
    return next != null;
  }

  boolean hasNewer() {
    return !before.isEmpty();
  }

  /** 1 for the newest page. */
  int pageNumber() {
    return before.size() + 1;
  }
}
