package org.openmiles.redemption.api.events;

import java.time.LocalDate;
import java.util.List;
import org.openmiles.accounts.api.MemberNumber;

/**
 * Members to tell that miles expire within {@code windowDays} of {@code asOf}: one event per page,
 * each member once per window and expiry date. Notifications observe it {@code AFTER_SUCCESS}.
 */
public record MilesExpiring(LocalDate asOf, int windowDays, List<Notice> members) {
  public MilesExpiring {
    members = List.copyOf(members);
  }

  public record Notice(MemberNumber member, long miles, LocalDate firstExpiry, String reason) {}
}
