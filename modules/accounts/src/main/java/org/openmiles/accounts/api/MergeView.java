package org.openmiles.accounts.api;

import java.time.Instant;
import java.util.List;

/**
 * A merge as done: the miles that moved from the duplicate to the survivor, by the expiry date they
 * kept ({@code lots}; empty when the duplicate had none), who decided it and when. {@code replayed}
 * is true when the merge had been done before and this call changed nothing.
 */
public record MergeView(
    MemberNumber survivor,
    MemberNumber duplicate,
    long milesMoved,
    List<BalanceView.ExpiringMiles> lots,
    String reason,
    String mergedBy,
    Instant mergedAt,
    boolean replayed) {

  public MergeView {
    lots = lots == null ? List.of() : List.copyOf(lots);
  }
}
