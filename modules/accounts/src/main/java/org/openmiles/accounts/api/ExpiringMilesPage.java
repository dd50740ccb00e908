package org.openmiles.accounts.api;

import java.time.LocalDate;
import java.util.List;

/**
 * Members with miles that expire in a window, by member number; {@code nextAfter} is the keyset
 * position of the next page (null on the last page).
 */
public record ExpiringMilesPage(List<Member> members, MemberNumber nextAfter) {

  public ExpiringMilesPage {
    members = List.copyOf(members);
  }

  /**
   * {@code miles} expire between the window's first and last day, the first of them on {@code
   * firstExpiry}; {@code reason} is {@code FIXED_TERM} (dated lots) or {@code INACTIVITY}.
   */
  public record Member(MemberNumber member, long miles, LocalDate firstExpiry, String reason) {}
}
