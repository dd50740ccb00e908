package org.openmiles.accrual.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openmiles.accounts.api.BatchResult;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.IdempotencyKeyReusedException;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberService;
import org.openmiles.accounts.api.MemberView;
import org.openmiles.accounts.api.MilesLedger;
import org.openmiles.accounts.api.PostMiles;
import org.openmiles.accounts.api.Qualifying;
import org.openmiles.accounts.api.RejectedPosting;
import org.openmiles.accounts.api.SourceReference;
import org.openmiles.accrual.api.AlreadyCreditedException;
import org.openmiles.accrual.api.ApproveClaim;
import org.openmiles.accrual.api.ClaimAlreadyResolvedException;
import org.openmiles.accrual.api.ClaimBooking;
import org.openmiles.accrual.api.ClaimNotCreditableException;
import org.openmiles.accrual.api.ClaimNotFoundException;
import org.openmiles.accrual.api.ClaimStatus;
import org.openmiles.accrual.api.ClaimView;
import org.openmiles.accrual.api.ClaimWindowExpiredException;
import org.openmiles.accrual.api.DuplicateClaimException;
import org.openmiles.accrual.api.FileClaim;
import org.openmiles.accrual.api.FlownCoupon;
import org.openmiles.accrual.api.MissingMilesClaims;
import org.openmiles.accrual.api.RejectClaim;
import org.openmiles.accrual.domain.MissingMilesRules;
import org.openmiles.accrual.domain.PartnerEarnRule.RatingException;
import org.openmiles.accrual.infrastructure.JdbcAirportRepository;
import org.openmiles.accrual.infrastructure.JdbcBookingRepository;
import org.openmiles.accrual.infrastructure.JdbcBookingRepository.CreditedClaim;
import org.openmiles.accrual.infrastructure.JdbcClaimRepository;
import org.openmiles.accrual.infrastructure.JdbcClaimRepository.CouponRow;
import org.openmiles.accrual.infrastructure.JdbcClaimRepository.NewClaim;
import org.openmiles.accrual.infrastructure.JdbcClaimRepository.PendingMatch;
import org.openmiles.accrual.infrastructure.JdbcClaimRepository.Resolution;
import org.openmiles.accrual.infrastructure.JdbcClaimRepository.StoredClaim;
import org.openmiles.common.Sha256;
import org.openmiles.common.ValidationException;
import org.openmiles.common.tx.RetriedTransaction;
import org.openmiles.tiers.api.MemberTiers;
import org.openmiles.tiers.api.TierBenefits;

/**
 * Missing-miles claims, each call one transaction. A claim is credited only through its coupon's
 * row in {@code accrual.flown_coupon}, locked for update, and with the coupon's own ledger
 * references ({@code F:<ticket>:<coupon>} with the qualifying activity, {@code ...:TB} for the tier
 * bonus), exactly as {@link DefaultFlightAccrual} credits a file's coupon: whichever path comes
 * second finds the coupon credited and posts nothing, and the ledger would refuse a second use of
 * the reference anyway.
 *
 * <p>A flown-coupon chunk calls {@link #lockTickets} before it touches coupons and {@link
 * #matchRecorded} after it has recorded them, in its own transaction: pending claims for the
 * coupons it brought are matched (and credited) together with the chunk.
 */
@ApplicationScoped
@Transactional
@RetriedTransaction // a deadlock or serialization failure runs the whole call again (ADR 0023)
public class DefaultMissingMilesClaims implements MissingMilesClaims {
  private static final Logger LOG = Logger.getLogger(DefaultMissingMilesClaims.class.getName());

  @Inject JdbcClaimRepository claims;
  @Inject JdbcBookingRepository bookings;
  @Inject JdbcAirportRepository rules;
  @Inject MilesLedger ledger;
  @Inject MemberService members;
  @Inject MemberTiers tiers;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "openmiles.accrual.claim-window-months", defaultValue = "12")
  int windowMonths;

  // ------------------------------------------------------------------ filing

  @Override
  public ClaimView file(FileClaim claim, String idempotencyKey) {
    Objects.requireNonNull(claim, "claim");
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 120)) {
      throw ValidationException.of("Idempotency-Key", "must be 1 to 120 characters");
    }
    LocalDate today = LocalDate.now(clock);
    if (claim.flightDate().isAfter(today)) {
      throw ValidationException.of("flightDate", "must not be in the future");
    }
    MemberView member = members.get(claim.member());
    String memberNo = member.number().value();
    String hash = requestHash(claim);
    if (idempotencyKey != null) {
      Optional<StoredClaim> earlier = claims.findByIdempotencyKey(memberNo, idempotencyKey);
      if (earlier.isPresent()) {
        return replay(earlier.get(), hash, idempotencyKey);
      }
    }
    if (!MissingMilesRules.withinWindow(claim.flightDate(), today, windowMonths)) {
      throw new ClaimWindowExpiredException(
          "a flight on "
              + claim.flightDate()
              + " could be claimed until "
              + MissingMilesRules.lastClaimDay(claim.flightDate(), windowMonths)
              + " ("
              + windowMonths
              + " months after the flight)");
    }
    claims
        .findOpen(memberNo, claim.ticketNumber(), claim.flightDate(), claim.flightNumber())
        .ifPresent(
            c -> {
              throw duplicate(c);
            });

    claims.lockTicket(claim.ticketNumber()); // before any coupon row lock: see JdbcClaimRepository
    Optional<CouponRow> coupon =
        claim.couponNumber() != null
            ? claims.couponForUpdate(claim.ticketNumber(), claim.couponNumber())
            : claims.couponForUpdate(
                claim.ticketNumber(), claim.flightNumber(), claim.flightDate());
    if (coupon.isPresent()
        && coupon.get().state().equals("CREDITED")
        && memberNo.equals(coupon.get().member())
        && sameFlight(claim, coupon.get())) {
      throw new AlreadyCreditedException(
          "coupon "
              + coupon.get().key()
              + " was credited to member "
              + memberNo
              + " already ("
              + FlownCoupon.ledgerReference(coupon.get().ticket(), coupon.get().coupon())
              + ")");
    }

    Instant now = clock.instant();
    NewClaim row =
        new NewClaim(
            memberNo,
            claim.ticketNumber(),
            claim.couponNumber(),
            claim.carrier(),
            claim.flightNumber(),
            claim.flightDate(),
            claim.origin(),
            claim.destination(),
            claim.bookingClass(),
            idempotencyKey,
            hash);
    Optional<Long> id = claims.insert(row, now);
    if (id.isEmpty()) { // a concurrent request filed it first (and has committed)
      if (idempotencyKey != null) {
        Optional<StoredClaim> same = claims.findByIdempotencyKey(memberNo, idempotencyKey);
        if (same.isPresent()) {
          return replay(same.get(), hash, idempotencyKey);
        }
      }
      throw claims
          .findOpen(memberNo, claim.ticketNumber(), claim.flightDate(), claim.flightNumber())
          .map(DefaultMissingMilesClaims::duplicate)
          .orElseGet(
              () ->
                  new DuplicateClaimException(
                      "member " + memberNo + " filed this claim at the same moment"));
    }
    StoredClaim stored = claims.find(id.get()).orElseThrow();
    bookings.linkClaim(id.get()); // the member's booked segments of the flight show the claim
    Decision d = decide(stored.view(), coupon.orElse(null), member.lastName(), null);
    if (d.credit() != null) {
      Map<Integer, String> refused = post(List.of(d.credit()));
      if (!refused.isEmpty()) { // e.g. a closed member: nothing of the claim is kept
        throw new ClaimNotCreditableException(
            refused.get(0), "the ledger refused the credit: " + d.credit().refusalReason());
      }
      claims.creditCoupon(
          d.credit().ticket(),
          d.credit().coupon(),
          memberNo,
          d.credit().bonusMiles(),
          d.credit().tierCode(),
          now);
      bookings.claimsCredited(
          List.of(new CreditedClaim(id.get(), d.credit().ticket(), d.credit().coupon())), now);
    }
    claims.update(id.get(), d.resolution(), now);
    ClaimView v = get(id.get());
    LOG.info(
        () ->
            "claim "
                + v.id()
                + " of "
                + memberNo
                + " for "
                + v.ticketNumber()
                + ": "
                + v.status()
                + (v.reasonCode() == null ? "" : " " + v.reasonCode()));
    return v;
  }

  private static ClaimView replay(StoredClaim earlier, String hash, String key) {
    if (!earlier.requestHash().equals(hash)) {
      throw new IdempotencyKeyReusedException(
          "Idempotency-Key "
              + key
              + " was used for another claim ("
              + earlier.id()
              + "); use a new key for a new claim");
    }
    return earlier.view();
  }

  private static DuplicateClaimException duplicate(StoredClaim c) {
    return new DuplicateClaimException(
        "member "
            + c.view().member()
            + " already claimed ticket "
            + c.view().ticketNumber()
            + " flight "
            + c.view().flightNumber()
            + " on "
            + c.view().flightDate()
            + ": claim "
            + c.id()
            + " is "
            + c.view().status());
  }

  // ------------------------------------------------------------------ matching

  /** What a claim gets: its new state, and the credit to post for it if any. */
  private record Decision(Resolution resolution, Credit credit) {}

  /** A stored coupon's credit to a claimant: base and qualifying as rated, tier bonus for them. */
  private record Credit(
      String member,
      String ticket,
      int coupon,
      LocalDate flightDate,
      String flight,
      long baseMiles,
      long bonusMiles,
      long qualifyingMiles,
      BigDecimal qualifyingFlights,
      BigDecimal qualifyingSpend,
      String tierCode,
      long claimId) {

    long total() {
      return baseMiles + bonusMiles;
    }

    String refusalReason() {
      return "coupon " + ticket + "/" + coupon + " for member " + member;
    }
  }

  /**
   * Decides a claim against the coupon the airline sent (null: none yet). {@code takenBy} is the
   * member an earlier claim credited the coupon to in the same run, if any.
   */
  private Decision decide(ClaimView claim, CouponRow c, String memberLastName, String takenBy) {
    if (c == null) {
      return new Decision(
          open(
              ClaimStatus.PENDING,
              "NO_FLOWN_DATA",
              "no flown data for this coupon yet: matched when the airline sends it",
              null),
          null);
    }
    String member = claim.member();
    if (!sameFlight(claim.flightNumber(), claim.flightDate(), c)) {
      return new Decision(
          open(
              ClaimStatus.PENDING_REVIEW,
              "FLIGHT_MISMATCH",
              "coupon "
                  + c.key()
                  + " is flight "
                  + c.marketingCarrier()
                  + c.flightNumber()
                  + " on "
                  + c.flightDate()
                  + ", not the flight claimed",
              c),
          null);
    }
    String state = takenBy != null ? "CREDITED" : c.state();
    String owner = takenBy != null ? takenBy : c.member();
    switch (state) {
      case "REVERSED":
        return new Decision(
            closed(
                ClaimStatus.REJECTED,
                "COUPON_REVERSED",
                "coupon "
                    + c.key()
                    + " was refunded, voided or exchanged (status "
                    + c.couponStatus()
                    + "): it cannot earn",
                c,
                0,
                0),
            null);
      case "CREDITED":
        if (member.equals(owner)) { // a file credited it to the claimant (the hook's case)
          return new Decision(
              closed(
                  ClaimStatus.CREDITED,
                  "MATCHED_BY_FILE",
                  "the airline's file credited coupon " + c.key() + " to the member",
                  c,
                  0,
                  0),
              null);
        }
        return new Decision(
            open(
                ClaimStatus.PENDING_REVIEW,
                "COUPON_CREDITED_TO_OTHER_MEMBER",
                "coupon " + c.key() + " is credited to another member",
                c),
            null);
      case "PARKED":
        return new Decision(
            open(
                ClaimStatus.PENDING_REVIEW,
                "COUPON_PARKED_FOR_OTHER_MEMBER",
                "coupon " + c.key() + " carries another member number, not enrolled",
                c),
            null);
      default: // UNCLAIMED
        if (!MissingMilesRules.namesMatch(c.lastName(), memberLastName)) {
          return new Decision(
              open(
                  ClaimStatus.PENDING_REVIEW,
                  "NAME_MISMATCH",
                  "the passenger's last name on coupon "
                      + c.key()
                      + " is not the member's: an agent checks the claim",
                  c),
              null);
        }
        Credit credit = creditOf(member, c, claim.id());
        return new Decision(
            closed(
                ClaimStatus.CREDITED,
                "MATCHED",
                "coupon " + c.key() + " credited to the member",
                c,
                credit.total(),
                credit.qualifyingMiles()),
            credit);
    }
  }

  private static Resolution open(ClaimStatus s, String code, String text, CouponRow c) {
    return new Resolution(
        s,
        code,
        text,
        c == null ? null : c.ticket(),
        c == null ? null : c.coupon(),
        0,
        0,
        null,
        null);
  }

  private static Resolution closed(
      ClaimStatus s, String code, String text, CouponRow c, long miles, long qualifying) {
    return new Resolution(s, code, text, c.ticket(), c.coupon(), miles, qualifying, null, null);
  }

  private static boolean sameFlight(FileClaim claim, CouponRow c) {
    return sameFlight(claim.flightNumber(), claim.flightDate(), c);
  }

  private static boolean sameFlight(String flightNumber, LocalDate date, CouponRow c) {
    return stripZeros(flightNumber).equals(stripZeros(c.flightNumber()))
        && date.equals(c.flightDate());
  }

  private static String stripZeros(String flightNumber) {
    return flightNumber.strip().replaceFirst("^0+(?=\\d)", "");
  }

  /** The credit of a stored (unclaimed) coupon to {@code member} with their tier's bonus. */
  private Credit creditOf(String member, CouponRow c, long claimId) {
    TierBenefits tier = tiers.tierOn(new MemberNumber(member), c.flightDate());
    long bonus = tierBonus(c, tier);
    return new Credit(
        member,
        c.ticket(),
        c.coupon(),
        c.flightDate(),
        flight(
            c.marketingCarrier(), c.flightNumber(), c.origin(), c.destination(), c.bookingClass()),
        c.baseMiles(),
        bonus,
        c.qualifyingMiles(),
        c.qualifyingFlights(),
        c.qualifyingSpend(),
        tier.code(),
        claimId);
  }

  /**
   * The tier bonus on a stored coupon's base miles: base × the tier's flight bonus %, half up, as
   * the distance model rates it; under the revenue model the coupon is rated again for the tier
   * (its bonus is fare × (tier rate − base rate)).
   */
  private long tierBonus(CouponRow c, TierBenefits tier) {
    if (tier.rank() > 0
        && rules.earnModel(c.marketingCarrier(), c.flightDate()).orElse("").equals("REVENUE")) {
      try {
        return new FlightRater(rules).rate(c.asFlown(), tier).bonusMiles();
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

  private static String flight(String carrier, String number, String from, String to, String cls) {
    return carrier + number + " " + from + "-" + to + " " + cls;
  }

  /**
   * Posts credits: base entries first (with the qualifying activity), then the tier bonus of those
   * the ledger took. Returns the refused credits by index, with the ledger's code.
   */
  private Map<Integer, String> post(List<Credit> credits) {
    List<PostMiles> bases = new ArrayList<>();
    List<Integer> baseIndex = new ArrayList<>();
    for (int i = 0; i < credits.size(); i++) {
      Credit cr = credits.get(i);
      if (cr.baseMiles() > 0) {
        bases.add(
            new PostMiles(
                new MemberNumber(cr.member()),
                EntryType.CREDIT,
                cr.baseMiles(),
                SourceReference.of(FlownCoupon.ledgerReference(cr.ticket(), cr.coupon())),
                cr.flightDate(),
                "Flight " + cr.flight() + " (missing-miles claim " + cr.claimId() + ")",
                Qualifying.of(cr.qualifyingMiles(), cr.qualifyingFlights(), cr.qualifyingSpend())));
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
      Credit cr = credits.get(i);
      if (!refused.containsKey(i) && cr.bonusMiles() > 0) {
        bonuses.add(
            new PostMiles(
                new MemberNumber(cr.member()),
                EntryType.CREDIT,
                cr.bonusMiles(),
                SourceReference.of(FlownCoupon.ledgerReference(cr.ticket(), cr.coupon()) + ":TB"),
                cr.flightDate(),
                "Tier bonus " + cr.tierCode() + " on " + cr.flight()));
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

  // ------------------------------------------------------------------ the flown-file hook

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
    List<Credit> credits = new ArrayList<>();
    Map<Long, Resolution> resolutions = new HashMap<>();
    Map<Integer, Long> creditClaim = new HashMap<>();
    List<Long> order = new ArrayList<>();
    for (PendingMatch m : matches) {
      ClaimView claim = m.claim().view();
      CouponRow c = m.coupon();
      Decision d = decide(claim, c, lastNames.get(claim.member()), takenBy.get(c.key()));
      order.add(claim.id());
      resolutions.put(claim.id(), d.resolution());
      if (d.credit() != null) {
        takenBy.put(c.key(), claim.member());
        creditClaim.put(credits.size(), claim.id());
        credits.add(d.credit());
      }
    }
    Map<Integer, String> refused = post(credits);
    long miles = 0;
    List<CreditedClaim> flown = new ArrayList<>();
    for (int i = 0; i < credits.size(); i++) {
      Credit cr = credits.get(i);
      long claimId = creditClaim.get(i);
      if (refused.containsKey(i)) {
        resolutions.put(
            claimId,
            new Resolution(
                ClaimStatus.PENDING_REVIEW,
                refused.get(i),
                "the ledger refused the credit of coupon "
                    + cr.ticket()
                    + "/"
                    + cr.coupon()
                    + ": an agent settles the claim",
                cr.ticket(),
                cr.coupon(),
                0,
                0,
                null,
                null));
      } else {
        claims.creditCoupon(
            cr.ticket(), cr.coupon(), cr.member(), cr.bonusMiles(), cr.tierCode(), now);
        flown.add(new CreditedClaim(claimId, cr.ticket(), cr.coupon()));
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

  // ------------------------------------------------------------------ queries

  @Override
  public List<ClaimView> ofMember(MemberNumber member, int limit) {
    members.get(member);
    return withBookings(claims.ofMember(member.value(), limit));
  }

  @Override
  public List<ClaimView> queue(ClaimStatus status, long afterId, int limit) {
    return withBookings(claims.queue(status, afterId, limit));
  }

  @Override
  public ClaimView get(long id) {
    ClaimView v = claims.find(id).map(StoredClaim::view).orElseThrow(() -> notFound(id));
    return withBookings(List.of(v)).get(0);
  }

  /** The claims with their booked segments, read in one statement. */
  private List<ClaimView> withBookings(List<ClaimView> views) {
    if (views.isEmpty()) {
      return views;
    }
    Map<Long, ClaimBooking> booked = bookings.ofClaims(views.stream().map(ClaimView::id).toList());
    return views.stream().map(v -> v.withBooking(booked.get(v.id()))).toList();
  }

  private static ClaimNotFoundException notFound(long id) {
    return new ClaimNotFoundException("no claim " + id);
  }

  // ------------------------------------------------------------------ review

  @Override
  public ClaimView approve(long id, ApproveClaim approval) {
    ClaimView claim = claims.find(id).map(StoredClaim::view).orElseThrow(() -> notFound(id));
    claims.lockTicket(claim.ticketNumber()); // before the claim's and the coupon's row locks
    claim = open(id);
    Instant now = clock.instant();
    MemberView member = members.get(new MemberNumber(claim.member()));
    Optional<CouponRow> coupon =
        claim.couponNumber() != null
            ? claims.couponForUpdate(claim.ticketNumber(), claim.couponNumber())
            : claims.couponForUpdate(
                claim.ticketNumber(), claim.flightNumber(), claim.flightDate());
    Resolution r;
    if (coupon.isPresent()) {
      CouponRow c = coupon.get();
      if (!sameFlight(claim.flightNumber(), claim.flightDate(), c)) {
        throw new ClaimNotCreditableException(
            "FLIGHT_MISMATCH",
            "coupon "
                + c.key()
                + " is flight "
                + c.marketingCarrier()
                + c.flightNumber()
                + " on "
                + c.flightDate()
                + ": reject this claim; the member can file one with the right coupon");
      }
      r =
          switch (c.state()) {
            case "REVERSED" ->
                throw new ClaimNotCreditableException(
                    "COUPON_REVERSED",
                    "coupon " + c.key() + " was refunded, voided or exchanged: it cannot earn");
            case "CREDITED" -> {
              if (!claim.member().equals(c.member())) {
                throw new ClaimNotCreditableException(
                    "COUPON_CREDITED_TO_OTHER_MEMBER",
                    "coupon "
                        + c.key()
                        + " is credited to member "
                        + c.member()
                        + ": reject this claim, or correct the other member's credit first");
              }
              // a file credited it to the claimant: its booked segment is FLOWN already, or now
              bookings.claimsCredited(List.of(new CreditedClaim(id, c.ticket(), c.coupon())), now);
              yield reviewed(ClaimStatus.CREDITED, "MATCHED_BY_FILE", c, 0, 0, approval);
            }
            default -> { // UNCLAIMED, or PARKED for a number the agent found wrong
              Credit cr = creditOf(claim.member(), c, id);
              requirePosted(post(List.of(cr)), cr);
              claims.creditCoupon(
                  c.ticket(), c.coupon(), claim.member(), cr.bonusMiles(), cr.tierCode(), now);
              bookings.claimsCredited(List.of(new CreditedClaim(id, c.ticket(), c.coupon())), now);
              yield reviewed(
                  ClaimStatus.CREDITED, "APPROVED", c, cr.total(), cr.qualifyingMiles(), approval);
            }
          };
    } else {
      r = creditFromClaim(claim, member, approval, now);
    }
    claims.update(id, r, now);
    return get(id);
  }

  /** No coupon from the airline: rate the claim's own flight and record the coupon as credited. */
  private Resolution creditFromClaim(
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
            claim.carrier(),
            claim.carrier(),
            claim.flightNumber(),
            claim.flightDate(),
            claim.origin(),
            claim.destination(),
            claim.bookingClass(),
            "",
            BigDecimal.ZERO,
            "USD",
            0);
    TierBenefits tier = tiers.tierOn(new MemberNumber(claim.member()), claim.flightDate());
    FlightRater.Rated rated;
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
    Credit cr =
        new Credit(
            claim.member(),
            claim.ticketNumber(),
            couponNo,
            claim.flightDate(),
            flight(
                claim.carrier(),
                claim.flightNumber(),
                claim.origin(),
                claim.destination(),
                claim.bookingClass()),
            rated.baseMiles(),
            rated.bonusMiles(),
            rated.qualifyingMiles(),
            rated.qualifyingFlights(),
            rated.qualifyingSpend(),
            tier.code(),
            claim.id());
    requirePosted(post(List.of(cr)), cr);
    if (!claims.insertCreditedCoupon(
        c,
        claim.member(),
        (int) rated.distanceMiles(),
        rated.baseMiles(),
        rated.bonusMiles(),
        rated.qualifyingMiles(),
        rated.qualifyingFlights(),
        tier.code(),
        now)) {
      throw new IllegalStateException("coupon " + c.key() + " was recorded while locked");
    }
    bookings.claimsCredited(
        List.of(new CreditedClaim(claim.id(), claim.ticketNumber(), couponNo)), now);
    return new Resolution(
        ClaimStatus.CREDITED,
        "APPROVED",
        "credited by an agent from the claim's flight data",
        claim.ticketNumber(),
        couponNo,
        cr.total(),
        cr.qualifyingMiles(),
        approval.agent(),
        approval.note());
  }

  private static void requirePosted(Map<Integer, String> refused, Credit cr) {
    if (!refused.isEmpty()) {
      throw new ClaimNotCreditableException(
          refused.get(0), "the ledger refused the credit of " + cr.refusalReason());
    }
  }

  private static Resolution reviewed(
      ClaimStatus s, String code, CouponRow c, long miles, long qm, ApproveClaim a) {
    return new Resolution(
        s, code, "credited by an agent", c.ticket(), c.coupon(), miles, qm, a.agent(), a.note());
  }

  @Override
  public ClaimView reject(long id, RejectClaim rejection) {
    ClaimView claim = open(id);
    claims.update(
        id,
        new Resolution(
            ClaimStatus.REJECTED,
            "REJECTED_BY_AGENT",
            rejection.reason(),
            claim.matchedCoupon() == null ? null : claim.ticketNumber(),
            claim.matchedCoupon() == null
                ? null
                : Integer.parseInt(
                    claim.matchedCoupon().substring(claim.matchedCoupon().indexOf('/') + 1)),
            0,
            0,
            rejection.agent(),
            rejection.reason()),
        clock.instant());
    return get(id);
  }

  /** The claim, locked, if it is not resolved yet. */
  private ClaimView open(long id) {
    ClaimView claim =
        claims.findForUpdate(id).map(StoredClaim::view).orElseThrow(() -> notFound(id));
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

  // ------------------------------------------------------------------ helpers

  /** What "the same claim" means for an Idempotency-Key: the member and the flight claimed. */
  static String requestHash(FileClaim c) {
    String s =
        String.join(
            "|",
            c.member().value(),
            c.ticketNumber(),
            String.valueOf(c.couponNumber()),
            c.carrier(),
            c.flightNumber(),
            c.flightDate().toString(),
            c.origin(),
            c.destination(),
            c.bookingClass());
    return Sha256.hex(s);
  }
}
