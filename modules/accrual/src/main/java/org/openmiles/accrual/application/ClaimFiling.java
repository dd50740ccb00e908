package org.openmiles.accrual.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openmiles.accounts.api.MemberService;
import org.openmiles.accounts.api.MemberView;
import org.openmiles.accrual.api.AlreadyCreditedException;
import org.openmiles.accrual.api.ClaimNotCreditableException;
import org.openmiles.accrual.api.ClaimView;
import org.openmiles.accrual.api.ClaimWindowExpiredException;
import org.openmiles.accrual.api.DuplicateClaimException;
import org.openmiles.accrual.api.FileClaim;
import org.openmiles.accrual.domain.BookingRepository;
import org.openmiles.accrual.domain.ClaimRepository;
import org.openmiles.accrual.domain.CouponState;
import org.openmiles.accrual.domain.CreditedClaim;
import org.openmiles.accrual.domain.MissingMilesRules;
import org.openmiles.accrual.domain.NewClaim;
import org.openmiles.accrual.domain.RecordedCoupon;
import org.openmiles.accrual.domain.StoredClaim;
import org.openmiles.common.ValidationException;
import org.openmiles.common.idempotency.Fingerprint;
import org.openmiles.common.idempotency.IdempotencyKeys;

/**
 * Filing a claim: the checks a claim must pass (Idempotency-Key, date, claim window, duplicates, a
 * coupon credited to the member already), the claim recorded, and its match against the coupon the
 * airline sent decided and credited at once. Runs in the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ClaimFiling {
  private static final Logger LOG = Logger.getLogger(ClaimFiling.class.getName());

  @Inject ClaimRepository claims;
  @Inject BookingRepository bookings;
  @Inject MemberService members;
  @Inject ClaimCredits credits;
  @Inject ClaimQueries queries;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "openmiles.accrual.claim-window-months", defaultValue = "12")
  int windowMonths;

  /** Files a claim and matches it: see {@code MissingMilesClaims.file}. */
  public ClaimView file(FileClaim claim, String idempotencyKey) {
    Objects.requireNonNull(claim, "claim");
    IdempotencyKeys.requireValidIfPresent(idempotencyKey);
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

    claims.lockTicket(claim.ticketNumber()); // before any coupon row lock: see ClaimRepository
    Optional<RecordedCoupon> coupon =
        credits.couponForUpdate(
            claim.ticketNumber(), claim.couponNumber(), claim.flightNumber(), claim.flightDate());
    if (coupon.isPresent()
        && coupon.get().state() == CouponState.CREDITED
        && memberNo.equals(coupon.get().member())
        && ClaimCredits.evidence(coupon.get()).isFlight(claim.flightNumber(), claim.flightDate())) {
      throw new AlreadyCreditedException(
          "coupon "
              + coupon.get().key()
              + " was credited to member "
              + memberNo
              + " already ("
              + coupon.get().flown().ledgerReference()
              + ")");
    }

    Instant now = clock.instant();
    NewClaim row = new NewClaim(memberNo, claim, idempotencyKey, hash);
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
          .map(ClaimFiling::duplicate)
          .orElseGet(
              () ->
                  new DuplicateClaimException(
                      "member " + memberNo + " filed this claim at the same moment"));
    }
    StoredClaim stored = claims.find(id.get()).orElseThrow();
    bookings.linkClaim(id.get()); // the member's booked segments of the flight show the claim
    ClaimCredits.Decision d =
        credits.decide(stored.view(), coupon.orElse(null), member.lastName(), null);
    if (d.credit() != null) {
      Map<Integer, String> refused = credits.post(List.of(d.credit()));
      if (!refused.isEmpty()) { // e.g. a closed member: nothing of the claim is kept
        throw new ClaimNotCreditableException(
            refused.get(0), "the ledger refused the credit: " + d.credit().refusalReason());
      }
      claims.creditCoupon(
          d.credit().flown().ticket(),
          d.credit().flown().coupon(),
          memberNo,
          d.credit().bonusMiles(),
          d.credit().tierCode(),
          now);
      bookings.claimsCredited(
          List.of(
              new CreditedClaim(
                  id.get(), d.credit().flown().ticket(), d.credit().flown().coupon())),
          now);
    }
    claims.update(id.get(), d.resolution(), now);
    ClaimView v = queries.get(id.get());
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
    return new Fingerprint(hash)
        .replay(
            earlier.view(),
            earlier.requestHash(),
            () ->
                "Idempotency-Key "
                    + key
                    + " was used for another claim ("
                    + earlier.id()
                    + "); use a new key for a new claim");
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
    return Fingerprint.of(s).hex();
  }
}
