package org.openmiles.accounts.api;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * A page of a member's statement, newest first. {@code cursor} is the opaque {@code nextCursor} of
 * the previous page (keyset pagination: stable while new entries arrive, and as fast on page 1,000
 * as on page 1); {@code from}/{@code to} filter on the activity date, {@code types} on the entry
 * type.
 */
public record StatementQuery(
    MemberNumber member,
    LocalDate from,
    LocalDate to,
    Set<EntryType> types,
    String cursor,
    int limit) {
  public static final int MAX_LIMIT = 500;
  public static final int DEFAULT_LIMIT = 50;

  public StatementQuery {
    Objects.requireNonNull(member, "member is required");
    types = types == null ? Set.of() : Set.copyOf(types);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("from must not be after to");
    }
  }

  public static StatementQuery firstPage(MemberNumber member) {
    return new StatementQuery(member, null, null, Set.of(), null, DEFAULT_LIMIT);
  }

  public StatementQuery next(String nextCursor) {
    return new StatementQuery(member, from, to, types, nextCursor, limit);
  }
}
