package org.openmiles.redemption.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openmiles.accounts.api.BalanceView.ExpiringMiles;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MilesLedger;
import org.openmiles.accounts.api.PostMiles;
import org.openmiles.accounts.api.PostingResult;
import org.openmiles.accounts.api.SourceReference;
import org.openmiles.accrual.api.AirportView;
import org.openmiles.accrual.api.FlightReference;
import org.openmiles.accrual.api.UnknownAirportException;
import org.openmiles.common.idempotency.Fingerprint;
import org.openmiles.common.text.Texts;
import org.openmiles.common.tx.RetriedTransaction;
import org.openmiles.redemption.api.AlreadyCancelledException;
import org.openmiles.redemption.api.AwardNotFoundException;
import org.openmiles.redemption.api.AwardPrice;
import org.openmiles.redemption.api.AwardService;
import org.openmiles.redemption.api.AwardView;
import org.openmiles.redemption.api.BeneficiaryNotFoundException;
import org.openmiles.redemption.api.BeneficiaryView;
import org.openmiles.redemption.api.CancellationQuote;
import org.openmiles.redemption.api.NotAFamilyChildException;
import org.openmiles.redemption.api.NotANomineeException;
import org.openmiles.redemption.api.PartnerAwardNotFoundException;
import org.openmiles.redemption.api.PartnerAwardView;
import org.openmiles.redemption.api.Passenger;
import org.openmiles.redemption.api.PriceAward;
import org.openmiles.redemption.api.PriceUpgrade;
import org.openmiles.redemption.api.RedeemAward;
import org.openmiles.redemption.api.TierNotEligibleException;
import org.openmiles.redemption.api.events.AwardCancelled;
import org.openmiles.redemption.api.events.AwardRedeemed;
import org.openmiles.redemption.domain.AwardChart;
import org.openmiles.redemption.domain.AwardPassenger;
import org.openmiles.redemption.domain.Awards;
import org.openmiles.redemption.domain.BeneficiaryLists;
import org.openmiles.redemption.domain.NewAward;
import org.openmiles.redemption.domain.RedemptionProgram;
import org.openmiles.redemption.domain.RedemptionRule;
import org.openmiles.redemption.domain.StoredAward;
import org.openmiles.redemption.domain.TierOrder;
import org.openmiles.tiers.api.MemberTiers;
import org.openmiles.tiers.api.TierBenefits;

/**
 * Awards: each redeem or cancel is one transaction with its ledger postings. The ledger's source
 * reference {@code AW:<member>:<client reference>} is the idempotency key: a concurrent retry waits
 * for the member's account lock, finds the debit posted and returns the award issued with it.
 */
@ApplicationScoped
@Transactional
@RetriedTransaction // a deadlock or serialization failure runs the whole call again (ADR 0023)
public class DefaultAwardService implements AwardService {

  @Inject RedemptionProgram program;
  @Inject Awards awards;
  @Inject BeneficiaryLists beneficiaryLists;
  @Inject MilesLedger ledger;
  @Inject FlightReference airports;
  @Inject MemberTiers tiers;
  @Inject Clock clock;
  @Inject Event<AwardRedeemed> redeemed;
  @Inject Event<AwardCancelled> cancelled;

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public AwardPrice price(PriceAward award) {
    return program
        .chartOn(award.outbound())
        .price(award, country(award.origin()), country(award.destination()));
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public AwardPrice priceUpgrade(PriceUpgrade u) {
    String minTier = program.upgradeMinTier(u.date());
    TierBenefits tier = tiers.tierOn(u.member(), u.date());
    if (tier.rank() < TierOrder.rank(minTier)) {
      throw new TierNotEligibleException(
          "upgrade awards need "
              + minTier
              + " or above; member "
              + u.member()
              + " is "
              + tier.code()
              + " on "
              + u.date());
    }
    AwardChart chart = program.chartOn(u.date());
    AwardChart.RouteGroup group = chart.routeGroup(country(u.origin()), country(u.destination()));
    AwardPrice.Part part =
        chart.upgrade(group.code(), u.carrier(), u.bookingClass(), u.from(), u.to(), u.date());
    return new AwardPrice(
        group.code(),
        u.to(),
        org.openmiles.redemption.api.Journey.ONE_WAY,
        List.of(part),
        part.miles(),
        1,
        part.miles());
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<PartnerAwardView> partnerAwards() {
    return program.partnerAwards(LocalDate.now(clock));
  }

  @Override
  public AwardView redeem(RedeemAward r) {
    String hash = hash(r);
    var first = awards.awardByClientReference(r.member(), r.clientReference());
    if (first.isPresent()) {
      return replay(first.get(), hash);
    }
    LocalDate today = LocalDate.now(clock);
    String kind;
    String description;
    long base;
    LocalDate travel;
    AwardPrice p = null;
    if (r.flight() != null) {
      PriceAward f = r.flight();
      p = price(f);
      kind = "FLIGHT";
      base = p.totalMiles();
      travel = f.outbound();
      description =
          "Award "
              + f.origin()
              + "-"
              + f.destination()
              + (f.journey() == org.openmiles.redemption.api.Journey.ROUND_TRIP ? " return " : " ")
              + f.cabin()
              + " "
              + f.outbound();
    } else if (r.upgrade() != null) {
      PriceUpgrade u = r.upgrade();
      base = priceUpgrade(u).totalMiles();
      kind = "UPGRADE";
      travel = u.date();
      description =
          "Upgrade "
              + u.origin()
              + "-"
              + u.destination()
              + " "
              + u.from()
              + ">"
              + u.to()
              + " "
              + u.date();
    } else {
      PartnerAwardView v =
          program.partnerAwards(today).stream()
              .filter(a -> a.code().equals(r.partnerAward()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new PartnerAwardNotFoundException(
                          "no partner award " + r.partnerAward() + " in the catalogue"));
      base = v.miles();
      kind = "PARTNER";
      travel = today;
      description = "Partner award " + v.code() + ": " + v.name();
    }
    RedemptionRule rule = program.ruleOn(today);
    Passenger who = r.passenger();
    long surcharge = 0;
    Long beneficiaryId = null;
    String name = "";
    switch (who.kind()) {
      case MEMBER -> name = "";
      case NOMINEE, FAMILY_CHILD -> {
        BeneficiaryView b = beneficiary(r.member(), who);
        if (who.kind() == Passenger.Kind.FAMILY_CHILD && !rule.isChild(b.birthDate(), travel)) {
          throw new NotAFamilyChildException(
              b.firstName()
                  + " "
                  + b.lastName()
                  + " is not under "
                  + rule.familyChildMaxAge()
                  + " on "
                  + travel
                  + ": add them as a nominee instead");
        }
        beneficiaryId = b.id();
        name = b.firstName() + " " + b.lastName();
      }
      case OTHER -> {
        if (!rule.nonNomineeAllowed()) {
          throw new NotANomineeException(
              who.firstName()
                  + " "
                  + who.lastName()
                  + " is not on the nominee list of member "
                  + r.member());
        }
        surcharge = rule.nonNomineeSurcharge(base);
        name = who.firstName().strip() + " " + who.lastName().strip();
      }
    }
    long miles = base + surcharge;
    PostingResult debit =
        ledger.post(
            new PostMiles(
                r.member(),
                EntryType.DEBIT,
                -miles,
                SourceReference.of(debitReference(r.member(), r.clientReference())),
                today,
                description));
    if (debit.replayed()) {
      // a concurrent request with the same key committed first, award and debit together
      return replay(
          awards.awardByClientReference(r.member(), r.clientReference()).orElseThrow(), hash);
    }
    var issuedAt = clock.instant();
    String reference =
        awards.insertAward(
            new NewAward(
                r.member(),
                r.clientReference(),
                kind,
                Texts.truncate(description, 200),
                new AwardPassenger(who.kind().name(), name, beneficiaryId),
                base,
                surcharge,
                hash,
                issuedAt,
                p),
            debit.lotsConsumed());
    redeemed.fire(
        new AwardRedeemed(
            reference, r.member(), kind, who.kind().name(), miles, debit.entryId(), issuedAt));
    return awards.award(reference, false).orElseThrow().view();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public CancellationQuote cancellation(String reference) {
    StoredAward a = cancellable(reference, false);
    LocalDate today = LocalDate.now(clock);
    Refund r = refund(a.view(), today);
    long back = r.back().stream().mapToLong(ExpiringMiles::miles).sum();
    return new CancellationQuote(
        reference, a.view().miles(), r.fee(), back, r.back(), a.view().miles() - r.fee() - back);
  }

  @Override
  public AwardView cancel(String reference) {
    StoredAward a = cancellable(reference, true);
    AwardView v = a.view();
    LocalDate today = LocalDate.now(clock);
    Refund refund = refund(v, today);
    long fee = refund.fee();
    List<ExpiringMiles> back = refund.back();
    long redeposited = 0;
    List<ExpiringMiles> parts = new ArrayList<>(back);
    for (int i = 0; i < parts.size(); i++) {
      ExpiringMiles part = parts.get(i);
      PostMiles p =
          new PostMiles(
              v.member(),
              EntryType.REDEPOSIT,
              part.miles(),
              SourceReference.of("AWX:" + reference + ":" + (i + 1)),
              today,
              "Award " + reference + " cancelled");
      ledger.post(part.expiresOn() == null ? p : p.expiringOn(part.expiresOn()));
      redeposited += part.miles();
    }
    var at = clock.instant();
    awards.markCancelled(a.id(), fee, redeposited, at);
    cancelled.fire(new AwardCancelled(reference, v.member(), v.miles(), fee, redeposited, at));
    return awards.award(reference, false).orElseThrow().view();
  }

  private StoredAward cancellable(String reference, boolean lock) {
    StoredAward a =
        awards
            .award(reference, lock)
            .orElseThrow(() -> new AwardNotFoundException("no award " + reference));
    AwardView v = a.view();
    if ("CANCELLED".equals(v.status())) {
      throw new AlreadyCancelledException(
          "award " + reference + " was cancelled at " + v.cancelledAt() + "; it cancels once");
    }
    return a;
  }

  /** The fee and the miles that go back, by the rule in force on {@code today}. */
  private Refund refund(AwardView v, LocalDate today) {
    RedemptionRule rule = program.ruleOn(today);
    long fee = rule.cancelFee(v.miles());
    List<ExpiringMiles> spent =
        v.spent().isEmpty() ? List.of(new ExpiringMiles(null, v.miles())) : v.spent();
    return new Refund(fee, rule.redeposit(spent, fee, today));
  }

  private record Refund(long fee, List<ExpiringMiles> back) {}

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public AwardView award(String reference) {
    return awards
        .award(reference, false)
        .orElseThrow(() -> new AwardNotFoundException("no award " + reference))
        .view();
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<AwardView> awards(MemberNumber member, int limit) {
    return awards.awards(member, limit);
  }

  static String debitReference(MemberNumber member, String clientReference) {
    return "AW:" + member + ":" + clientReference;
  }

  private BeneficiaryView beneficiary(MemberNumber member, Passenger who) {
    var b = beneficiaryLists.beneficiary(member, who.beneficiaryId());
    if (b.isEmpty() || !b.get().kind().equals(who.kind().name())) {
      if (who.kind() == Passenger.Kind.NOMINEE) {
        throw new NotANomineeException(
            "member " + member + " has no nominee " + who.beneficiaryId() + " on the list");
      }
      throw new BeneficiaryNotFoundException(
          "member " + member + " has no family member " + who.beneficiaryId());
    }
    return b.get();
  }

  private static AwardView replay(StoredAward first, String hash) {
    return new Fingerprint(hash)
        .replay(
            first.view().asReplay(),
            first.requestHash(),
            () ->
                "this Idempotency-Key issued award "
                    + first.view().reference()
                    + " for another request; use a new key for a new award");
  }

  private String country(String iata) {
    return airports
        .airport(iata)
        .map(AirportView::country)
        .orElseThrow(
            () -> new UnknownAirportException("airport " + iata + " is not in the reference data"));
  }

  /** What makes two redeem requests the same request. */
  private static String hash(RedeemAward r) {
    String text =
        r.member()
            + "|"
            + r.flight()
            + "|"
            + r.upgrade()
            + "|"
            + r.partnerAward()
            + "|"
            + r.passenger();
    return Fingerprint.of(text).hex();
  }
}
