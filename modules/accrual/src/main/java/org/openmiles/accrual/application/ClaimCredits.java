package org.openmiles.accrual.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.openmiles.accounts.api.BatchResult;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MilesLedger;
import org.openmiles.accounts.api.PostMiles;
import org.openmiles.accounts.api.RejectedPosting;
import org.openmiles.accrual.api.ClaimView;
import org.openmiles.accrual.api.FlownCoupon;
import org.openmiles.accrual.domain.ClaimDecision;
import org.openmiles.accrual.domain.ClaimRepository;
import org.openmiles.accrual.domain.ClaimResolution;
import org.openmiles.accrual.domain.CouponEvidence;
import org.openmiles.accrual.domain.PartnerEarnRule.RatingException;
import org.openmiles.accrual.domain.RecordedCoupon;
import org.openmiles.tiers.api.MemberTiers;
import org.openmiles.tiers.api.TierBenefits;

/**
 * The coupon side of claims, shared by filing, the flown-file hook and review: the coupon a claim
 * names, the decision of a match turned into the claim's resolution and credit, the credit's miles
 * for the claimant's tier, and its postings. Runs in the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ClaimCredits {
  private static final Logger LOG = Logger.getLogger(ClaimCredits.class.getName());

  @Inject ClaimRepository claims;
  @Inject FlightRules rules;
  @Inject MilesLedger ledger;
  @Inject MemberTiers tiers;

  /** What a claim gets: its new state, and the credit to post for it if any. */
  record Decision(ClaimResolution resolution, ClaimCredit credit) {}

  /**
   * The coupon a claim names, locked for update: by its number, or else the ticket's coupon for the
   * flight (number, leading zeros ignored, and date).
   */
  public Optional<RecordedCoupon> couponForUpdate(
      String ticket, Integer coupon, String flightNumber, LocalDate flightDate) {
    return coupon != null
        ? claims.couponForUpdate(ticket, coupon)
        : claims.couponForUpdate(ticket, flightNumber, flightDate);
  }

  /** What the domain's decision reads of a stored coupon. */
  static CouponEvidence evidence(RecordedCoupon c) {
    FlownCoupon f = c.flown();
    return new CouponEvidence(
        f.ticketNumber(),
        f.couponNumber(),
        f.status(),
        c.member(),
        f.lastName(),
        f.flight().marketingCarrier(),
        f.flight().number(),
        f.flight().date(),
        c.state());
  }

  /**
   * Decides a claim against the coupon the airline sent (null: none yet) with {@link
   * ClaimDecision#match}, and counts the credit when it is one. {@code takenBy} is the member an
   * earlier claim credited the coupon to in the same run, if any.
   */
  public Decision decide(ClaimView claim, RecordedCoupon c, String memberLastName, String takenBy) {
    ClaimDecision d =
        ClaimDecision.match(
            claim.member(),
            claim.flightNumber(),
            claim.flightDate(),
            c == null ? null : evidence(c),
            memberLastName,
            takenBy);
    ClaimCredit credit = d.postsCredit() ? creditOf(claim.member(), c, claim.id()) : null;
    return new Decision(
        new ClaimResolution(
            d.status(),
            d.reasonCode(),
            d.reasonText(),
            c == null ? null : c.flown().ticketNumber(),
            c == null ? null : c.flown().couponNumber(),
            credit == null ? 0 : credit.total(),
            credit == null ? 0 : credit.qualifying().miles(),
            null,
            null),
        credit);
  }

  /** The credit of a stored (unclaimed) coupon to {@code member} with their tier's bonus. */
  public ClaimCredit creditOf(String member, RecordedCoupon c, long claimId) {
    FlownCoupon f = c.flown();
    MemberNumber claimant = new MemberNumber(member);
    TierBenefits tier = tiers.tierOn(claimant, f.flight().date());
    long bonus = tierBonus(c, tier);
    return new ClaimCredit(
        new CouponPostings.Flown(claimant, f.ticketNumber(), f.couponNumber(), f.flight().date()),
        CouponPostings.flight(f),
        c.baseMiles(),
        bonus,
        c.qualifying(),
        tier.code(),
        claimId);
  }

  /**
   * The tier bonus on a stored coupon's base miles: base × the tier's flight bonus %, half up, as
   * the distance model rates it; under the revenue model the coupon is rated again for the tier
   * (its bonus is fare × (tier rate − base rate)).
   */
  private long tierBonus(RecordedCoupon c, TierBenefits tier) {
    if (tier.rank() > 0
        && rules
            .earnRules()
            .earnModel(c.flown().flight().marketingCarrier(), c.flown().flight().date())
            .orElse("")
            .equals("REVENUE")) {
      try {
        return new FlightRater(rules).rate(c.flown(), tier).bonusMiles();
      } catch (RatingException e) {
        LOG.warning(() -> "coupon " + c.key() + " cannot be re-rated for its tier: " + e);
      }
    }
    return percentOf(c.baseMiles(), tier.flightBonusPercent());
  }

  /** {@code miles × percent / 100}, rounded half up. */
  static long percentOf(long miles, int percent) {
    return BigDecimal.valueOf(miles)
        .multiply(BigDecimal.valueOf(percent))
        .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
        .longValueExact();
  }

  /**
   * Posts credits: base entries first (with the qualifying activity), then the tier bonus of those
   * the ledger took. Returns the refused credits by index, with the ledger's code.
   */
  public Map<Integer, String> post(List<ClaimCredit> credits) {
    List<PostMiles> bases = new ArrayList<>();
    List<Integer> baseIndex = new ArrayList<>();
    for (int i = 0; i < credits.size(); i++) {
      ClaimCredit cr = credits.get(i);
      if (cr.baseMiles() > 0) {
        bases.add(
            CouponPostings.base(
                cr.flown(),
                cr.baseMiles(),
                "Flight " + cr.flight() + " (missing-miles claim " + cr.claimId() + ")",
                cr.qualifying()));
        baseIndex.add(i);
      }
    }
    Map<Integer, String> refused = new HashMap<>();
    if (!bases.isEmpty()) {
      for (RejectedPosting r : ledger.postBatch(bases).rejected()) {
        refused.put(baseIndex.get(r.index()), r.code());
      }
    }
    List<PostMiles> bonuses = new ArrayList<>();
    for (int i = 0; i < credits.size(); i++) {
      ClaimCredit cr = credits.get(i);
      if (!refused.containsKey(i) && cr.bonusMiles() > 0) {
        bonuses.add(
            CouponPostings.tierBonus(cr.flown(), cr.bonusMiles(), cr.tierCode(), cr.flight()));
      }
    }
    if (!bonuses.isEmpty()) {
      BatchResult b = ledger.postBatch(bonuses);
      if (!b.rejected().isEmpty()) { // its base was just taken: a fault, roll everything back
        RejectedPosting r = b.rejected().get(0);
        throw new IllegalStateException(
            "tier bonus " + r.posting().source() + " refused: " + r.code() + " " + r.reason());
      }
    }
    return refused;
  }
}
