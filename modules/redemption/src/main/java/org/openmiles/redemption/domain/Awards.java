package org.openmiles.redemption.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openmiles.accounts.api.BalanceView.ExpiringMiles;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.redemption.api.AwardView;

/** Issued awards, with the expiry dates of the miles each spent. */
public interface Awards {

  Optional<StoredAward> awardByClientReference(MemberNumber member, String clientReference);

  /** The award with this reference, row-locked for the transaction if {@code lock}. */
  Optional<StoredAward> award(String reference, boolean lock);

  /** The member's latest awards, at most {@code limit}. */
  List<AwardView> awards(MemberNumber member, int limit);

  /** Records an issued award and the expiry dates of the miles it spent; returns its reference. */
  String insertAward(NewAward award, List<ExpiringMiles> spent);

  void markCancelled(long awardId, long fee, long redeposited, Instant at);
}
