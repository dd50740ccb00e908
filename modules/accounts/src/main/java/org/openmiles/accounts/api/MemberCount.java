package org.openmiles.accounts.api;

/**
 * How many members a {@link MemberSearch} matches, counted up to {@link #CAP} so that a broad
 * search ("n") costs no more than reading that many index entries: {@code count} is exact when
 * {@code more} is false, and {@code more} says there are more than {@code count} (= {@link #CAP}).
 */
public record MemberCount(long count, boolean more) {
  /** Where counting stops: a console only needs to tell "1,234" from "more than 10,000". */
  public static final int CAP = 10_000;

  public MemberCount {
    if (count < 0 || count > CAP || (more && count != CAP)) {
      throw new IllegalArgumentException("a member count is 0.." + CAP + ", and CAP when more");
    }
  }

  /** The count from a query that read at most {@code CAP + 1} matches. */
  public static MemberCount upToCap(long counted) {
    return counted > CAP ? new MemberCount(CAP, true) : new MemberCount(counted, false);
  }
}
