package org.openmiles.accrual.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openmiles.accrual.api.FlownCoupon;

/** Flown coupons, read and written a chunk at a time. */
public interface FlownCouponRepository {
  /** The stored coupons among {@code coupons}, by {@link FlownCoupon#key()}, locked for update. */
  Map<String, StoredCoupon> findForUpdate(List<FlownCoupon> coupons);

  /** Records new coupons (set-based); returns the keys actually inserted (others raced in). */
  Set<String> insert(long fileId, List<NewCoupon> rows, Instant now);

  /** Sets the state of coupons (CREDITED, PARKED, ...) with a reason code. */
  void setState(List<String> keys, CouponState state, String reasonCode, Instant now);

  /** Records the promotion bonus miles credited on coupons, so that a reversal takes them too. */
  void addPromoMiles(Map<String, Long> milesByKey);

  /** Forgets coupons whose credit was refused, so that a corrected re-send can succeed. */
  void forget(List<String> keys);

  void markReversed(List<CouponReversal> reversals, Instant now);

  /** The member's parked coupons received after {@code since}, locked against a concurrent run. */
  List<StoredCoupon> parkedFor(String member, Instant since);
}
