package org.openmiles.accrual.api;

import java.util.List;
import org.openmiles.accounts.api.MemberNumber;

/**
 * Missing-miles (retro) claims: a member, or an agent for them, claims miles for a flight that was
 * not credited. A claim is matched against the flown coupons the airline sent and is credited
 * through the coupon, so a coupon earns once whether a file, a claim or an agent credits it (ledger
 * reference {@code F:<ticket>:<coupon>}, tier bonus {@code ...:TB}).
 *
 * <p>Filing decides in one transaction: an unclaimed coupon whose passenger name matches the member
 * is credited at once; no coupon yet leaves the claim {@link ClaimStatus#PENDING} for a later
 * flown-coupon file; a refunded, voided or exchanged coupon rejects it; anything doubtful goes to
 * an agent ({@link ClaimStatus#PENDING_REVIEW}). Each claim resolves once.
 */
public interface MissingMilesClaims {

  /**
   * Files a claim and matches it. A non-null {@code idempotencyKey} makes a retry with the same
   * claim return the first answer (the claim as it is now).
   *
   * @throws ClaimWindowExpiredException the flight is older than the claim window
   * @throws DuplicateClaimException the member has an open or credited claim for this flight
   * @throws AlreadyCreditedException the coupon is already credited to this member
   * @throws org.openmiles.accounts.api.MemberNotFoundException no such member
   */
  ClaimView file(FileClaim claim, String idempotencyKey);

  /** The member's claims, newest first (at most {@code limit}). */
  List<ClaimView> ofMember(MemberNumber member, int limit);

  /**
   * Claims in a status, oldest first, after claim id {@code afterId} (keyset paging; 0 = start).
   */
  List<ClaimView> queue(ClaimStatus status, long afterId, int limit);

  /**
   * @throws ClaimNotFoundException no such claim
   */
  ClaimView get(long id);

  /**
   * An agent credits a claim under review (or still pending) from the claim's own flight data, or
   * from the coupon the airline sent if there is one.
   *
   * @throws ClaimAlreadyResolvedException the claim is credited or rejected already
   * @throws ClaimNotCreditableException the coupon was reversed, is credited to another member, or
   *     the flight earns nothing
   */
  ClaimView approve(long id, ApproveClaim approval);

  /**
   * An agent rejects a claim with a reason.
   *
   * @throws ClaimAlreadyResolvedException the claim is credited or rejected already
   */
  ClaimView reject(long id, RejectClaim rejection);
}
