package org.openmiles.redemption.api;

import java.util.List;
import org.openmiles.accounts.api.MemberNumber;

/**
 * Award tickets, upgrades and partner vouchers: price by the award chart, redeem (one ledger debit,
 * oldest-expiring miles first), cancel once (redeposit less the program's fee).
 */
public interface AwardService {

  AwardPrice price(PriceAward award);

  /**
   * Refused with TIER_NOT_ELIGIBLE below the program's tier, CLASS_NOT_UPGRADABLE for E/A fares.
   */
  AwardPrice priceUpgrade(PriceUpgrade upgrade);

  List<PartnerAwardView> partnerAwards();

  /** Debits the ledger and issues the award; fires {@code AwardRedeemed}. */
  AwardView redeem(RedeemAward award);

  /**
   * What {@link #cancel} would do today (fee, miles back by expiry date), without doing it; an
   * award already cancelled: ALREADY_CANCELLED.
   */
  CancellationQuote cancellation(String awardReference);

  /** Redeposits the miles less the fee; fires {@code AwardCancelled}. A second cancel: 409. */
  AwardView cancel(String awardReference);

  AwardView award(String awardReference);

  /** The member's awards, newest first. */
  List<AwardView> awards(MemberNumber member, int limit);
}
