package org.openmiles.accounts.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A member's miles at one moment: {@code balance} is the sum of all posted entries, {@code held}
 * the miles set aside by active holds, {@code available = balance - held} (never negative).
 */
public record BalanceView(
    MemberNumber member,
    long balance,
    long held,
    long available,
    LocalDate lastActivity,
    List<ExpiringMiles> expiring) {

  public BalanceView {
    expiring = List.copyOf(expiring);
  }

  /** Miles that will expire on a date unless spent first. */
  public record ExpiringMiles(LocalDate expiresOn, long miles) {}
}
