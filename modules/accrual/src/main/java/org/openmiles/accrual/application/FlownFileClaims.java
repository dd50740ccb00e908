package org.openmiles.accrual.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberService;
import org.openmiles.accounts.api.MemberView;
import org.openmiles.accrual.api.ClaimStatus;
import org.openmiles.accrual.api.ClaimView;
import org.openmiles.accrual.api.FlownCoupon;
import org.openmiles.accrual.domain.BookingRepository;
import org.openmiles.accrual.domain.ClaimRepository;
import org.openmiles.accrual.domain.ClaimResolution;
import org.openmiles.accrual.domain.CreditedClaim;
import org.openmiles.accrual.domain.PendingMatch;
import org.openmiles.accrual.domain.RecordedCoupon;

/**
 * The flown-file hook of missing-miles claims, in the transaction of a flown-coupon chunk ({@link
 * DefaultFlightAccrual#credit}): the chunk calls {@link #lockTickets} before it touches coupons and
 * {@link #matchRecorded} after it has recorded them, so pending claims for the coupons it brought
 * are matched (and credited) together with the chunk.
 */
@ApplicationScoped
public class FlownFileClaims {
  private static final Logger LOG = Logger.getLogger(FlownFileClaims.class.getName());

  @Inject ClaimRepository claims;
  @Inject BookingRepository bookings;
  @Inject MemberService members;
  @Inject ClaimCredits credits;
  @Inject Clock clock;

  /**
   * Called by a flown-coupon chunk before it reads or records any coupon: takes the chunk's
   * tickets' claim locks (shared), so that a claim filed meanwhile is either seen by {@link
   * #matchRecorded} or sees the recorded coupon itself.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void lockTickets(Collection<FlownCoupon> chunk) {
    claims.lockTicketsShared(chunk.stream().map(FlownCoupon::ticketNumber).toList());
  }

  /**
   * Called by a flown-coupon chunk after it recorded the coupons {@code keys} ({@code
   * ticket/coupon}), in its transaction: pending claims for them are matched. An unclaimed coupon
   * whose name matches is credited to the (oldest) claimant; one the file credited to the claimant
   * closes the claim; a reversed one rejects it; anything else goes to an agent. Returns the miles
   * credited to claimants.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public long matchRecorded(Set<String> keys) {
    List<PendingMatch> matches = claims.pendingFor(keys);
    if (matches.isEmpty()) {
      return 0;
    }
    Instant now = clock.instant();
    Map<String, String> lastNames = new HashMap<>();
    for (PendingMatch m : matches) {
      String member = m.claim().view().member();
      lastNames.computeIfAbsent(
          member, n -> members.find(new MemberNumber(n)).map(MemberView::lastName).orElse(""));
    }
    Map<String, String> takenBy = new HashMap<>(); // coupon key -> member it was credited to now
    List<ClaimCredit> credited = new ArrayList<>();
    Map<Long, ClaimResolution> resolutions = new HashMap<>();
    Map<Integer, Long> creditClaim = new HashMap<>();
    List<Long> order = new ArrayList<>();
    for (PendingMatch m : matches) {
      ClaimView claim = m.claim().view();
      RecordedCoupon c = m.coupon();
      ClaimCredits.Decision d =
          credits.decide(claim, c, lastNames.get(claim.member()), takenBy.get(c.key()));
      order.add(claim.id());
      resolutions.put(claim.id(), d.resolution());
      if (d.credit() != null) {
        takenBy.put(c.key(), claim.member());
        creditClaim.put(credited.size(), claim.id());
        credited.add(d.credit());
      }
    }
    Map<Integer, String> refused = credits.post(credited);
    long miles = 0;
    List<CreditedClaim> flown = new ArrayList<>();
    for (int i = 0; i < credited.size(); i++) {
      ClaimCredit cr = credited.get(i);
      long claimId = creditClaim.get(i);
      if (refused.containsKey(i)) {
        resolutions.put(
            claimId,
            new ClaimResolution(
                ClaimStatus.PENDING_REVIEW,
                refused.get(i),
                "the ledger refused the credit of coupon "
                    + cr.flown().ticket()
                    + "/"
                    + cr.flown().coupon()
                    + ": an agent settles the claim",
                cr.flown().ticket(),
                cr.flown().coupon(),
                0,
                0,
                null,
                null));
      } else {
        claims.creditCoupon(
            cr.flown().ticket(),
            cr.flown().coupon(),
            cr.flown().member().value(),
            cr.bonusMiles(),
            cr.tierCode(),
            now);
        flown.add(new CreditedClaim(claimId, cr.flown().ticket(), cr.flown().coupon()));
        miles += cr.total();
      }
    }
    bookings.claimsCredited(flown, now); // no statement when no claim was credited
    for (long id : order) {
      claims.update(id, resolutions.get(id), now);
    }
    long total = miles;
    LOG.info(
        () ->
            matches.size()
                + " pending claim(s) matched by recorded coupons, "
                + total
                + " miles credited to claimants");
    return total;
  }
}
