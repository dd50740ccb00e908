package org.openmiles.accrual.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openmiles.accounts.api.BatchResult;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MilesLedger;
import org.openmiles.accounts.api.PostMiles;
import org.openmiles.accounts.api.Qualifying;
import org.openmiles.accounts.api.RejectedPosting;
import org.openmiles.accrual.api.ActivityResult;
import org.openmiles.accrual.api.FlightAccrual;
import org.openmiles.accrual.api.FlownCoupon;
import org.openmiles.accrual.domain.CouponReversal;
import org.openmiles.accrual.domain.CouponState;
import org.openmiles.accrual.domain.FlightRating;
import org.openmiles.accrual.domain.FlownCouponRepository;
import org.openmiles.accrual.domain.LastNames;
import org.openmiles.accrual.domain.NewCoupon;
import org.openmiles.accrual.domain.PartnerEarnRule.RatingException;
import org.openmiles.accrual.domain.PromotionTarget;
import org.openmiles.accrual.domain.RecordedOrigin;
import org.openmiles.accrual.domain.StoredCoupon;
import org.openmiles.tiers.api.MemberOnDate;
import org.openmiles.tiers.api.MemberTiers;
import org.openmiles.tiers.api.TierBenefits;

/**
 * Credits and reverses flown coupons, a chunk per transaction: the coupons, their ledger entries
 * and their qualifying activity commit together or not at all.
 *
 * <ul>
 *   <li>A flown or lifted coupon seen for the first time is rated for the tier the member holds on
 *       the flight date and posted as a base credit {@code F:<ticket>:<coupon>} carrying the
 *       qualifying miles and flights, plus a tier bonus credit {@code ...:TB} (non-qualifying).
 *   <li>A coupon without a member number is kept UNCLAIMED (a missing-miles claim can credit it);
 *       one for a number not enrolled is PARKED and credited if the member enrolls in time.
 *   <li>A refunded, voided or exchanged coupon takes back everything its coupon earned in one
 *       REVERSAL entry {@code ...:R} with the qualifying activity negated. A reversal the member's
 *       available miles cannot cover is rejected (the coupon stays credited) for an agent to
 *       settle.
 * </ul>
 */
@ApplicationScoped
@Transactional
public class DefaultFlightAccrual extends HostCarrierFiles<FlownCoupon> implements FlightAccrual {
  private static final Logger LOG = Logger.getLogger(DefaultFlightAccrual.class.getName());

  @Inject FlownCouponRepository coupons;
  @Inject FlightRules rules;
  @Inject MilesLedger ledger;
  @Inject MemberTiers tiers;
  @Inject PromotionBonuses promotions;
  @Inject org.openmiles.accounts.api.MemberService members;

  @Inject
  @ConfigProperty(name = "openmiles.accrual.check-last-name", defaultValue = "true")
  boolean checkLastName;

  @Inject FlownFileClaims claims; // missing-miles claims hook, see credit()
  @Inject FlownBookings flownBookings;
  @Inject HandedOrigins handed;

  @Inject
  @ConfigProperty(name = "openmiles.accrual.park-days", defaultValue = "90")
  int parkDays;

  /** One coupon's credit postings, remembered until the ledger has answered. */
  private record Credit(int index, NewCoupon row, int firstPosting, int postings) {}

  /** One coupon's reversal posting. */
  private record Reverse(int index, StoredCoupon stored, int posting) {}

  public DefaultFlightAccrual() {
    super("FLOWN_COUPONS", "flown-coupon files");
  }

  @Override
  public List<ActivityResult> credit(long fileId, List<FlownCoupon> chunk) {
    ChunkCredit work = new ChunkCredit(fileId, chunk, clock.instant());
    claims.lockTickets(chunk); // missing-miles claims: before any coupon row lock
    Map<String, StoredCoupon> known = coupons.findForUpdate(chunk);
    work.rate(known, tiersOf(chunk, known), rater(chunk, known), lastNames(chunk, known));
    work.record();
    work.post();
    return work.finish();
  }

  /** A rater with the routes of the chunk's new earning coupons read in one go. */
  private FlightRater rater(List<FlownCoupon> chunk, Map<String, StoredCoupon> known) {
    FlightRater rater = new FlightRater(rules, tiers.spendCurrency());
    rater.prefetchRoutes(
        chunk.stream()
            .filter(c -> c.earns() && !isKnown(known, c))
            .map(c -> List.of(c.flight().origin(), c.flight().destination()))
            .distinct()
            .toList());
    return rater;
  }

  /** The enrolled last names of the members the chunk's new earning coupons name, if checked. */
  private Map<MemberNumber, String> lastNames(
      List<FlownCoupon> chunk, Map<String, StoredCoupon> known) {
    return checkLastName
        ? members.lastNames(
            chunk.stream()
                .filter(c -> c.member() != null && c.earns() && !isKnown(known, c))
                .map(FlownCoupon::member)
                .toList())
        : Map.of();
  }

  /**
   * One chunk, in the order its transaction does the work: rate each coupon against what is stored,
   * record the new ones, post credits and reversals (and promotion bonuses after their base), then
   * tell claims and bookings. Each line's answer is in {@link #results}.
   */
  private final class ChunkCredit {
    final long fileId;
    final List<FlownCoupon> chunk;
    final Instant now;
    final ActivityResult[] results;
    final List<NewCoupon> rows = new ArrayList<>();
    final List<Integer> rowIndex = new ArrayList<>();
    final List<Reverse> reversals = new ArrayList<>();
    final List<PostMiles> postings = new ArrayList<>();
    final List<Credit> credits = new ArrayList<>();
    final List<String> parked = new ArrayList<>();
    final List<String> dropped = new ArrayList<>();
    final List<CouponReversal> done = new ArrayList<>();
    Set<String> inserted = Set.of();

    ChunkCredit(long fileId, List<FlownCoupon> chunk, Instant now) {
      this.fileId = fileId;
      this.chunk = chunk;
      this.now = now;
      this.results = new ActivityResult[chunk.size()];
    }

    /** Each coupon: answered from what is stored, a reversal to post, or a new row to record. */
    void rate(
        Map<String, StoredCoupon> known,
        Map<MemberOnDate, TierBenefits> tierOn,
        FlightRater rater,
        Map<MemberNumber, String> names) {
      for (int i = 0; i < chunk.size(); i++) {
        FlownCoupon c = chunk.get(i);
        StoredCoupon before = known.isEmpty() ? null : known.get(c.key());
        if (before != null) {
          results[i] = FlownCouponAnswers.againstStored(fileId, c, before);
          if (results[i] == null) { // a reversal of a credited coupon
            reversals.add(new Reverse(i, before, postings.size()));
            postings.add(reversal(c, before));
          }
          continue;
        }
        if (c.reverses()) {
          rows.add(
              new NewCoupon(
                  c, CouponState.REVERSED, "NOTHING_TO_REVERSE", FlightRating.NONE, null));
          rowIndex.add(i);
          continue;
        }
        String name = c.member() == null ? null : names.get(c.member());
        boolean mismatch = name != null && !LastNames.match(c.lastName(), name);
        TierBenefits tier =
            c.member() == null || mismatch
                ? null
                : tierOn.get(new MemberOnDate(c.member(), c.flight().date()));
        try {
          rows.add(rated(c, rater.rate(c, tier == null ? NO_TIER : tier), tier, mismatch));
          rowIndex.add(i);
        } catch (RatingException e) {
          results[i] = ActivityResult.rejected(c.lineNumber(), e.code(), e.getMessage());
        }
      }
    }

    /** Records the new rows; answers those that need no posting, queues the credits' postings. */
    void record() {
      inserted = coupons.insert(fileId, rows, now);
      for (int k = 0; k < rows.size(); k++) {
        NewCoupon row = rows.get(k);
        int i = rowIndex.get(k);
        FlownCoupon c = row.coupon();
        if (!inserted.contains(c.key())) { // another file or a claim recorded it meanwhile
          results[i] = FlownCouponAnswers.recordedMeanwhile(c);
          continue;
        }
        switch (row.state()) {
          case REVERSED -> results[i] = FlownCouponAnswers.nothingToReverse(c);
          case UNCLAIMED -> results[i] = FlownCouponAnswers.unclaimed(c, row.reasonCode());
          case CREDITED, PARKED -> {
            int first = postings.size();
            postings.addAll(creditPostings(c, row));
            credits.add(new Credit(i, row, first, postings.size() - first));
          }
        }
      }
    }

    /**
     * Posts the credits and reversals in one batch, then the promotion bonuses of the credits the
     * ledger took, and answers each from the ledger's word.
     */
    void post() {
      // promotion bonuses: computed before anything is posted (capped promotions lock their
      // per-member totals first), posted in a second batch only for base credits the ledger
      // accepted
      List<PromotionBonus> bonuses =
          promotions.bonuses(credits.stream().map(DefaultFlightAccrual::promotionTarget).toList());
      handed.hand(credits.stream().map(cr -> RecordedOrigin.of(cr.row())).toList());
      BatchResult batch = ledger.postBatch(postings);
      Map<Integer, RejectedPosting> refused = new HashMap<>();
      batch.rejected().forEach(r -> refused.put(r.index(), r));
      Map<Integer, Long> promoByCredit = postBonuses(bonuses, credits, refused);
      for (Credit cr : credits) {
        FlownCoupon c = cr.row().coupon();
        RejectedPosting r = refused.get(cr.firstPosting());
        if (r == null) {
          results[cr.index()] =
              FlownCouponAnswers.credited(
                  c,
                  cr.row().rating().baseMiles() + cr.row().rating().bonusMiles(),
                  promoByCredit.getOrDefault(cr.index(), 0L));
        } else if (r.code().equals("MEMBER_NOT_FOUND")) {
          parked.add(c.key());
          results[cr.index()] = FlownCouponAnswers.notEnrolled(c);
        } else {
          dropped.add(c.key()); // refused: a corrected re-send must be able to succeed
          results[cr.index()] = ActivityResult.rejected(c.lineNumber(), r.code(), r.reason());
        }
      }
      for (Reverse rv : reversals) {
        FlownCoupon c = chunk.get(rv.index());
        RejectedPosting r = refused.get(rv.posting());
        if (r == null) {
          done.add(
              new CouponReversal(
                  c.key(), rv.stored().earned().totalMiles(), c.status(), fileId, c.lineNumber()));
          results[rv.index()] = FlownCouponAnswers.reversed(c, rv.stored().earned().totalMiles());
        } else {
          results[rv.index()] = FlownCouponAnswers.reversalRefused(c, rv.stored(), r);
        }
      }
      coupons.setState(parked, CouponState.PARKED, "MEMBER_NOT_ENROLLED", now);
      coupons.forget(dropped);
      coupons.markReversed(done, now);
    }

    /** Claims waiting for these coupons, and the booked segments they fly; the answers. */
    List<ActivityResult> finish() {
      // missing-miles claims waiting for the coupons just recorded are matched in this transaction
      Set<String> recorded = new java.util.HashSet<>(inserted);
      dropped.forEach(recorded::remove);
      claims.matchRecorded(recorded);
      // bookings: the booked segments of the credited coupons are flown now (no ledger effect)
      flownBookings.couponsCredited(chunk, List.of(results), now);
      flownBookings.couponsReversed(done.stream().map(CouponReversal::key).toList(), now);
      return List.of(results);
    }
  }

  /** A new coupon's row as rated: CREDITED to its member, or UNCLAIMED with the reason. */
  private static NewCoupon rated(
      FlownCoupon c, FlightRating r, TierBenefits tier, boolean mismatch) {
    CouponState state =
        c.member() == null || mismatch ? CouponState.UNCLAIMED : CouponState.CREDITED;
    return new NewCoupon(
        c,
        state,
        c.member() == null ? "NO_MEMBER_NUMBER" : mismatch ? "NAME_MISMATCH" : null,
        r,
        tier == null ? null : tier.code());
  }

  /** What promotions see of a coupon credit. */
  private static PromotionTarget promotionTarget(Credit cr) {
    FlownCoupon c = cr.row().coupon();
    return PromotionTarget.flight(
        c.ledgerReference(),
        c.member(),
        c.flight().date(),
        c.flight().marketingCarrier(),
        c.flight().origin(),
        c.flight().destination(),
        c.fare().bookingClass(),
        cr.row().rating().region(),
        cr.row().rating().baseMiles());
  }

  /**
   * Posts the promotion bonuses whose base credit was accepted, confirms them, and records them on
   * their coupons; returns the bonus miles by chunk index.
   */
  private Map<Integer, Long> postBonuses(
      List<PromotionBonus> bonuses, List<Credit> credits, Map<Integer, RejectedPosting> refused) {
    List<PromotionBonus> dependent =
        bonuses.stream()
            .filter(b -> !refused.containsKey(credits.get(b.targetIndex()).firstPosting()))
            .toList();
    Map<Integer, Long> byIndex = new HashMap<>();
    if (dependent.isEmpty()) {
      return byIndex;
    }
    BatchResult r = ledger.postBatch(dependent.stream().map(PromotionBonus::posting).toList());
    Set<Integer> no = r.rejected().stream().map(RejectedPosting::index).collect(Collectors.toSet());
    List<PromotionBonus> accepted = new ArrayList<>();
    Map<String, Long> byKey = new HashMap<>();
    for (int k = 0; k < dependent.size(); k++) {
      if (!no.contains(k)) {
        PromotionBonus b = dependent.get(k);
        Credit cr = credits.get(b.targetIndex());
        accepted.add(b);
        byIndex.merge(cr.index(), b.miles(), Long::sum);
        byKey.merge(cr.row().coupon().key(), b.miles(), Long::sum);
      }
    }
    promotions.confirm(accepted);
    coupons.addPromoMiles(byKey);
    return byIndex;
  }

  /** The postings of a coupon's credit: base (qualifying) and tier bonus. */
  private static List<PostMiles> creditPostings(FlownCoupon c, NewCoupon row) {
    String flight = CouponPostings.flight(c);
    List<PostMiles> out = new ArrayList<>(2);
    CouponPostings.Flown f = new CouponPostings.Flown(c);
    FlightRating r = row.rating();
    out.add(
        CouponPostings.base(
            f,
            r.baseMiles(),
            "Flight " + flight,
            Qualifying.of(r.qualifyingMiles(), r.qualifyingFlights(), r.qualifyingSpend())));
    if (r.bonusMiles() > 0) {
      out.add(CouponPostings.tierBonus(f, r.bonusMiles(), row.tierCode(), flight));
    }
    return out;
  }

  /** One entry taking back all a coupon earned, with its qualifying activity negated. */
  private static PostMiles reversal(FlownCoupon c, StoredCoupon s) {
    String why =
        switch (c.status()) {
          case 'R' -> "refunded";
          case 'V' -> "voided";
          default -> "exchanged";
        };
    return CouponPostings.reversal(
        new CouponPostings.Flown(
            new MemberNumber(s.member()), c.ticketNumber(), c.couponNumber(), s.flightDate()),
        s.earned().totalMiles(),
        "Ticket " + c.ticketNumber() + " coupon " + c.couponNumber() + " " + why,
        s.earned().qualifying());
  }

  /** The tier of each member on the dates of their coupons that may earn, in one read. */
  private Map<MemberOnDate, TierBenefits> tiersOf(
      List<FlownCoupon> chunk, Map<String, StoredCoupon> known) {
    return tiers.tiersAt(
        chunk.stream()
            .filter(c -> c.member() != null && c.earns() && !isKnown(known, c))
            .map(c -> new MemberOnDate(c.member(), c.flight().date()))
            .distinct()
            .toList());
  }

  /**
   * Whether the coupon is stored already. A chunk of new coupons finds none stored: it then builds
   * no key per coupon (the key's string was a noticeable share of the JVM's time per coupon).
   */
  private static boolean isKnown(Map<String, StoredCoupon> known, FlownCoupon c) {
    return !known.isEmpty() && known.containsKey(c.key());
  }

  /** Rates coupons not credited to a member (yet): no tier bonus. */
  private static final TierBenefits NO_TIER = new TierBenefits("MEMBER", "Member", 0, 0);

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public long creditParked(MemberNumber member) {
    List<StoredCoupon> parked =
        coupons.parkedFor(member.value(), clock.instant().minus(Duration.ofDays(parkDays)));
    if (parked.isEmpty()) {
      return 0;
    }
    List<PostMiles> postings = new ArrayList<>();
    for (StoredCoupon s : parked) {
      postings.add(
          CouponPostings.base(
              new CouponPostings.Flown(member, s.ticket(), s.coupon(), s.flightDate()),
              s.earned().baseMiles(),
              "Flight on ticket " + s.ticket() + " coupon " + s.coupon() + " (before enrollment)",
              s.earned().qualifying()));
    }
    BatchResult r = ledger.postBatch(postings);
    Set<Integer> refused =
        r.rejected().stream().map(RejectedPosting::index).collect(Collectors.toSet());
    List<String> credited = new ArrayList<>();
    long miles = 0;
    for (int i = 0; i < parked.size(); i++) {
      if (!refused.contains(i)) {
        credited.add(parked.get(i).key());
        miles += parked.get(i).earned().baseMiles();
      }
    }
    coupons.setState(credited, CouponState.CREDITED, null, clock.instant());
    long total = miles;
    LOG.info(
        () ->
            "member "
                + member
                + " enrolled: "
                + credited.size()
                + " parked coupon(s) credited, "
                + total
                + " miles");
    return total;
  }
}
