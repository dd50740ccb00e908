package org.openmiles.accrual.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberService;
import org.openmiles.accounts.api.MemberView;
import org.openmiles.accounts.api.Qualifying;
import org.openmiles.accrual.api.ApproveClaim;
import org.openmiles.accrual.api.ClaimAlreadyResolvedException;
import org.openmiles.accrual.api.ClaimNotCreditableException;
import org.openmiles.accrual.api.ClaimStatus;
import org.openmiles.accrual.api.ClaimView;
import org.openmiles.accrual.api.CouponKey;
import org.openmiles.accrual.api.Fare;
import org.openmiles.accrual.api.Flight;
import org.openmiles.accrual.api.FlownCoupon;
import org.openmiles.accrual.api.RejectClaim;
import org.openmiles.accrual.domain.BookingRepository;
import org.openmiles.accrual.domain.ClaimApproval;
import org.openmiles.accrual.domain.ClaimRepository;
import org.openmiles.accrual.domain.ClaimResolution;
import org.openmiles.accrual.domain.CreditedClaim;
import org.openmiles.accrual.domain.FlightRating;
import org.openmiles.accrual.domain.PartnerEarnRule.RatingException;
import org.openmiles.accrual.domain.RecordedCoupon;
import org.openmiles.accrual.domain.StoredClaim;
import org.openmiles.tiers.api.MemberTiers;
import org.openmiles.tiers.api.TierBenefits;

/**
 * An agent's review of a claim: approval, from the coupon the airline sent ({@link ClaimApproval}
 * decides what it allows) or, without one, from the claim's own flight data; and rejection. Each
 * resolves an open claim once, locked. Runs in the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ClaimReview {

  @Inject ClaimRepository claims;
  @Inject BookingRepository bookings;
  @Inject FlightRules rules;
  @Inject MemberService members;
  @Inject MemberTiers tiers;
  @Inject ClaimCredits credits;
  @Inject ClaimQueries queries;
  @Inject Clock clock;

  /** Credits a claim on an agent's approval: see {@code MissingMilesClaims.approve}. */
  public ClaimView approve(long id, ApproveClaim approval) {
    ClaimView claim =
        claims.find(id).map(StoredClaim::view).orElseThrow(() -> ClaimQueries.notFound(id));
    claims.lockTicket(claim.ticketNumber()); // before the claim's and the coupon's row locks
    claim = open(id);
    Instant now = clock.instant();
    MemberView member = members.get(new MemberNumber(claim.member()));
    Optional<RecordedCoupon> coupon =
        credits.couponForUpdate(
            claim.ticketNumber(), claim.couponNumber(), claim.flightNumber(), claim.flightDate());
    ClaimResolution r =
        coupon.isPresent()
            ? creditFromCoupon(claim, coupon.get(), approval, now)
            : creditFromClaim(claim, member, approval, now);
    claims.update(id, r, now);
    return queries.get(id);
  }

  /** The airline sent the coupon: credit it, unless {@link ClaimApproval} refuses. */
  private ClaimResolution creditFromCoupon(
      ClaimView claim, RecordedCoupon c, ApproveClaim approval, Instant now) {
    ClaimApproval a =
        ClaimApproval.of(
            claim.member(), claim.flightNumber(), claim.flightDate(), ClaimCredits.evidence(c));
    long miles = 0;
    long qualifying = 0;
    switch (a.outcome()) {
      case REFUSED -> throw new ClaimNotCreditableException(a.code(), a.text());
      case FOUND_CREDITED -> {} // a file credited it to the claimant: its segment is FLOWN already
      case CREDIT -> { // UNCLAIMED, or PARKED for a number the agent found wrong
        ClaimCredit cr = credits.creditOf(claim.member(), c, claim.id());
        requirePosted(credits.post(List.of(cr)), cr);
        claims.creditCoupon(
            c.flown().ticketNumber(),
            c.flown().couponNumber(),
            claim.member(),
            cr.bonusMiles(),
            cr.tierCode(),
            now);
        miles = cr.total();
        qualifying = cr.qualifying().miles();
      }
    }
    bookings.claimsCredited(
        List.of(new CreditedClaim(claim.id(), c.flown().ticketNumber(), c.flown().couponNumber())),
        now);
    return new ClaimResolution(
        ClaimStatus.CREDITED,
        a.code(),
        a.text(),
        c.flown().ticketNumber(),
        c.flown().couponNumber(),
        miles,
        qualifying,
        approval.agent(),
        approval.note());
  }

  /** No coupon from the airline: rate the claim's own flight and record the coupon as credited. */
  private ClaimResolution creditFromClaim(
      ClaimView claim, MemberView member, ApproveClaim approval, Instant now) {
    Integer couponNo =
        claim.couponNumber() != null ? claim.couponNumber() : approval.couponNumber();
    if (couponNo == null) {
      throw new ClaimNotCreditableException(
          "COUPON_NUMBER_REQUIRED",
          "the claim names no coupon number and the airline has sent no coupon for the flight:"
              + " give couponNumber in the approval");
    }
    if (claims.couponForUpdate(claim.ticketNumber(), couponNo).isPresent()) {
      throw new ClaimNotCreditableException(
          "COUPON_NUMBER_TAKEN",
          "coupon "
              + claim.ticketNumber()
              + "/"
              + couponNo
              + " is a different flight in the airline's data: check the coupon number");
    }
    FlownCoupon c =
        new FlownCoupon(
            claim.ticketNumber(),
            couponNo,
            'F',
            new MemberNumber(claim.member()),
            member.lastName(),
            member.firstName(),
            new Flight(
                claim.carrier(),
                claim.carrier(),
                claim.flightNumber(),
                claim.flightDate(),
                claim.origin(),
                claim.destination()),
            new Fare(claim.bookingClass(), "", BigDecimal.ZERO, "USD"),
            0);
    TierBenefits tier = tiers.tierOn(new MemberNumber(claim.member()), claim.flightDate());
    FlightRating rated;
    try {
      rated = new FlightRater(rules).rate(c, tier);
    } catch (RatingException e) {
      throw new ClaimNotCreditableException(e.code(), e.getMessage());
    }
    if (rated.baseMiles() <= 0) {
      throw new ClaimNotCreditableException(
          "FARE_REQUIRED",
          claim.carrier()
              + " earns by fare on "
              + claim.flightDate()
              + ": the claim can only be credited from the airline's flown data, which has the"
              + " fare");
    }
    ClaimCredit cr =
        new ClaimCredit(
            new CouponPostings.Flown(c),
            CouponPostings.flight(c),
            rated.baseMiles(),
            rated.bonusMiles(),
            Qualifying.of(
                rated.qualifyingMiles(), rated.qualifyingFlights(), rated.qualifyingSpend()),
            tier.code(),
            claim.id());
    requirePosted(credits.post(List.of(cr)), cr);
    if (!claims.insertCreditedCoupon(c, claim.member(), rated, tier.code(), now)) {
      throw new IllegalStateException("coupon " + c.key() + " was recorded while locked");
    }
    bookings.claimsCredited(
        List.of(new CreditedClaim(claim.id(), claim.ticketNumber(), couponNo)), now);
    return new ClaimResolution(
        ClaimStatus.CREDITED,
        "APPROVED",
        "credited by an agent from the claim's flight data",
        claim.ticketNumber(),
        couponNo,
        cr.total(),
        cr.qualifying().miles(),
        approval.agent(),
        approval.note());
  }

  private static void requirePosted(Map<Integer, String> refused, ClaimCredit cr) {
    if (!refused.isEmpty()) {
      throw new ClaimNotCreditableException(
          refused.get(0), "the ledger refused the credit of " + cr.refusalReason());
    }
  }

  /** Rejects a claim on an agent's word: see {@code MissingMilesClaims.reject}. */
  public ClaimView reject(long id, RejectClaim rejection) {
    ClaimView claim = open(id);
    claims.update(
        id,
        new ClaimResolution(
            ClaimStatus.REJECTED,
            "REJECTED_BY_AGENT",
            rejection.reason(),
            claim.matchedCoupon() == null ? null : claim.ticketNumber(),
            claim.matchedCoupon() == null ? null : CouponKey.parse(claim.matchedCoupon()).coupon(),
            0,
            0,
            rejection.agent(),
            rejection.reason()),
        clock.instant());
    return queries.get(id);
  }

  /** The claim, locked, if it is not resolved yet. */
  private ClaimView open(long id) {
    ClaimView claim =
        claims
            .findForUpdate(id)
            .map(StoredClaim::view)
            .orElseThrow(() -> ClaimQueries.notFound(id));
    if (claim.status().isFinal()) {
      throw new ClaimAlreadyResolvedException(
          "claim "
              + id
              + " is "
              + claim.status()
              + " already"
              + (claim.reviewedBy() == null ? "" : " (by " + claim.reviewedBy() + ")"));
    }
    return claim;
  }
}
