package org.openmiles.accrual.application;

import java.util.Objects;
import org.openmiles.accounts.api.PostMiles;

/**
 * A promotion's bonus on one earning, ready to post: the index of the earning in the list given to
 * {@link PromotionBonuses#bonuses}, the promotion, the bonus miles and the ledger posting (a CREDIT
 * of those miles under {@code <base reference>:PR:<promotion code>}, dated on the earning's
 * activity date). Posted as its own entry so that the statement shows it and qualifying counters
 * can leave it out: promotion bonus miles are non-qualifying.
 */
public record PromotionBonus(int targetIndex, String promotionCode, long miles, PostMiles posting) {

  public PromotionBonus {
    Objects.requireNonNull(promotionCode, "promotionCode");
    Objects.requireNonNull(posting, "posting");
    if (miles != posting.miles()) {
      throw new IllegalArgumentException("the posting must carry the bonus miles");
    }
  }
}
