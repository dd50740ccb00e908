package org.openmiles.tiers.api;

import java.time.LocalDate;
import java.util.List;
import org.openmiles.accounts.api.MemberNumber;

/**
 * Member status for the console and other modules: the status with progress, its history, and agent
 * overrides. Unknown members are refused with {@code MEMBER_NOT_FOUND}.
 */
public interface TierService {

  /** The member's status today (airline time zone), with progress and qualifying activity. */
  TierStatusView status(MemberNumber member);

  /** Every change of the member's tier, newest first. */
  List<TierHistoryView> history(MemberNumber member);

  /**
   * The tiers an override may grant today (airline time zone): every tier in force above the base
   * tier, lowest rank first, as {@link #grantOverride} accepts them.
   */
  List<TierBenefits> grantableTiers();

  /**
   * Grants an override (replacing one in force); in force from today to its expiry date. Returns
   * the status afterwards. Publishes {@link org.openmiles.tiers.api.events.TierChanged}.
   */
  TierStatusView grantOverride(MemberNumber member, GrantTierOverride command);

  /**
   * Ends every override whose last day is before {@code today}: clears it, records OVERRIDE_ENDED
   * in the history. Idempotent; returns how many ended. The scheduled job runs it daily.
   */
  int endExpiredOverrides(LocalDate today);

  /** {@link #endExpiredOverrides(LocalDate)} for today in the airline's time zone. */
  int endExpiredOverridesToday();
}
