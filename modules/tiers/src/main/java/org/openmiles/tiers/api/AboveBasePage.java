package org.openmiles.tiers.api;

import java.util.Map;
import org.openmiles.accounts.api.MemberNumber;

/**
 * A page of {@link MemberTiers#aboveBaseOn}: the members of the page's recorded statuses who hold a
 * tier above the base tier, in member-number order (none, if the page read only statuses that had
 * lapsed), and where the next page starts ({@code null} on the last).
 */
public record AboveBasePage(Map<MemberNumber, TierBenefits> members, MemberNumber nextAfter) {
  public AboveBasePage {
    members = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(members));
  }
}
