package org.openmiles.accrual.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accrual.api.ApproveClaim;
import org.openmiles.accrual.api.ClaimStatus;
import org.openmiles.accrual.api.ClaimView;
import org.openmiles.accrual.api.FileClaim;
import org.openmiles.accrual.api.MissingMilesClaims;
import org.openmiles.accrual.api.RejectClaim;
import org.openmiles.common.tx.RetriedTransaction;

/**
 * Missing-miles claims, each call one transaction: this facade is the transaction boundary, and the
 * work is done by {@link ClaimFiling}, {@link ClaimReview} and {@link ClaimQueries}, which join its
 * transaction. A claim is credited only through its coupon's row in {@code accrual.flown_coupon},
 * locked for update, and with the coupon's own ledger references ({@code F:<ticket>:<coupon>} with
 * the qualifying activity, {@code ...:TB} for the tier bonus), exactly as {@link
 * DefaultFlightAccrual} credits a file's coupon: whichever path comes second finds the coupon
 * credited and posts nothing, and the ledger would refuse a second use of the reference anyway.
 *
 * <p>What a match decides is {@link org.openmiles.accrual.domain.ClaimDecision}; a flown-coupon
 * chunk matches the pending claims of the coupons it brought through {@link FlownFileClaims}, in
 * the chunk's transaction.
 */
@ApplicationScoped
@Transactional
@RetriedTransaction // a deadlock or serialization failure runs the whole call again (ADR 0023)
public class DefaultMissingMilesClaims implements MissingMilesClaims {

  @Inject ClaimFiling filing;
  @Inject ClaimReview review;
  @Inject ClaimQueries queries;

  @Override
  public ClaimView file(FileClaim claim, String idempotencyKey) {
    return filing.file(claim, idempotencyKey);
  }

  @Override
  public List<ClaimView> ofMember(MemberNumber member, int limit) {
    return queries.ofMember(member, limit);
  }

  @Override
  public List<ClaimView> queue(ClaimStatus status, long afterId, int limit) {
    return queries.queue(status, afterId, limit);
  }

  @Override
  public ClaimView get(long id) {
    return queries.get(id);
  }

  @Override
  public ClaimView approve(long id, ApproveClaim approval) {
    return review.approve(id, approval);
  }

  @Override
  public ClaimView reject(long id, RejectClaim rejection) {
    return review.reject(id, rejection);
  }
}
