package org.openmiles.console.application;

import java.util.List;
import org.openmiles.accounts.api.BalanceView;
import org.openmiles.accounts.api.MemberView;
import org.openmiles.tiers.api.TierStatusView;

/**
 * The two members of a merge side by side, before the supervisor confirms: profile, miles and tier
 * of each (a section that cannot be read is null), what blocks the merge (it is refused while any
 * is listed) and what the supervisor should know (awards of the duplicate stay with it).
 */
public record MergePreview(
    MemberView survivor,
    BalanceView survivorMiles,
    TierStatusView survivorTier,
    MemberView duplicate,
    BalanceView duplicateMiles,
    TierStatusView duplicateTier,
    List<String> blockers,
    List<String> warnings) {

  public MergePreview {
    blockers = List.copyOf(blockers);
    warnings = List.copyOf(warnings);
  }

  public boolean isMergeable() {
    return blockers.isEmpty();
  }
}
