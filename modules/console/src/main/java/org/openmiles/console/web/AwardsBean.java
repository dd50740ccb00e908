package org.openmiles.console.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.openmiles.accounts.api.BalanceView;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberService;
import org.openmiles.accounts.api.MemberView;
import org.openmiles.accounts.api.MilesLedger;
import org.openmiles.console.application.AwardActions;
import org.openmiles.redemption.api.AwardPrice;
import org.openmiles.redemption.api.AwardService;
import org.openmiles.redemption.api.AwardView;
import org.openmiles.redemption.api.Beneficiaries;
import org.openmiles.redemption.api.BeneficiaryView;
import org.openmiles.redemption.api.Cabin;
import org.openmiles.redemption.api.CancellationQuote;
import org.openmiles.redemption.api.Journey;
import org.openmiles.redemption.api.Passenger;
import org.openmiles.redemption.api.PriceAward;
import org.openmiles.redemption.api.PriceUpgrade;
import org.openmiles.redemption.api.RedeemAward;

/**
 * A member's awards ({@code awards.xhtml?number=}): price a flight award or an upgrade from the
 * award chart, book it for the member or someone else, list the awards, cancel one after seeing the
 * fee and the redeposit. A price carries a fresh idempotency key into the booking, so a double
 * click or a resubmitted form books once; a new price gets a new key.
 */
@Named
@ViewScoped
public class AwardsBean implements Serializable {
  @Inject MemberService members;
  @Inject MilesLedger ledger;
  @Inject AwardService awards;
  @Inject Beneficiaries beneficiaries;
  @Inject AwardActions actions;
  @Inject CurrentUser currentUser;
  @Inject Show show;

  private String number;
  private MemberView member;
  private BalanceView balance;
  private List<AwardView> memberAwards = List.of();
  private List<BeneficiaryView> people = List.of();

  // flight award
  private String origin;
  private String destination;
  private Cabin cabin = Cabin.ECONOMY;
  private Journey journey = Journey.ONE_WAY;
  private LocalDate outbound;
  private LocalDate inbound;
  private PriceAward priced;
  private AwardPrice quote;

  // upgrade award
  private String upOrigin;
  private String upDestination;
  private String carrier = "VN";
  private String bookingClass;
  private Cabin upFrom = Cabin.ECONOMY;
  private Cabin upTo = Cabin.BUSINESS;
  private LocalDate upDate;
  private PriceUpgrade pricedUpgrade;
  private AwardPrice upgradeQuote;

  // who travels
  private Passenger.Kind passengerKind = Passenger.Kind.MEMBER;
  private Long beneficiaryId;
  private String otherFirstName;
  private String otherLastName;

  private String bookingKey;

  // cancellation
  private CancellationQuote cancelling;
  private String cancelReason;

  public void load() {
    if (number == null || !MemberNumber.isValid(number)) {
      Messages.error(
          "That is not a valid member number.", "Open the member from the search, then Awards.");
      return;
    }
    member = members.find(new MemberNumber(number)).orElse(null);
    if (member == null) {
      Messages.error("No member " + number + ".", "Search again by name, email or phone.");
      return;
    }
    refresh();
  }

  private void refresh() {
    MemberNumber n = member.number();
    member = members.get(n);
    try {
      balance = ledger.balance(n);
      memberAwards = awards.awards(n, 50);
      people = beneficiaries.list(n);
    } catch (RuntimeException e) {
      Messages.refused("Reading the member's awards", e);
    }
  }

  // --- flight award

  public void priceFlight() {
    try {
      priced =
          new PriceAward(
              origin,
              destination,
              cabin,
              journey,
              outbound,
              journey == Journey.ROUND_TRIP ? inbound : null,
              1);
      quote = awards.price(priced);
      bookingKey = newKey();
      String price =
          "Award price: " + show.number(quote.totalMiles()) + " miles (" + seasons(quote) + ").";
      if (getShortfall() > 0) {
        Messages.warn(
            price,
            "The member has "
                + show.number(balance.available())
                + " miles available, "
                + show.number(getShortfall())
                + " short: booking it would be refused. Try another date or cabin.");
      } else {
        Messages.info(
            price,
            "The member has "
                + (balance == null ? "?" : show.number(balance.available()))
                + " miles available. Choose who travels and book it, or change the trip and price"
                + " again.");
      }
    } catch (RuntimeException e) {
      priced = null;
      quote = null;
      Messages.refused("Pricing", e);
    }
  }

  public void bookFlight() {
    if (priced == null) {
      Messages.warn("Price the trip first.", "The booking takes the miles of the price shown.");
      return;
    }
    book(new RedeemAward(member.number(), bookingKey, priced, null, null, passenger()));
  }

  // --- upgrade award

  public void priceUpgrade() {
    try {
      pricedUpgrade =
          new PriceUpgrade(
              member.number(),
              upOrigin,
              upDestination,
              carrier,
              bookingClass,
              upFrom,
              upTo,
              upDate);
      upgradeQuote = awards.priceUpgrade(pricedUpgrade);
      bookingKey = newKey();
      Messages.info(
          "Upgrade price: "
              + Show.grouped(upgradeQuote.totalMiles())
              + " miles ("
              + seasons(upgradeQuote)
              + ").",
          "Book it to confirm the upgrade on the member's paid ticket.");
    } catch (RuntimeException e) {
      pricedUpgrade = null;
      upgradeQuote = null;
      Messages.refused("Upgrade pricing", e);
    }
  }

  public void bookUpgrade() {
    if (pricedUpgrade == null) {
      Messages.warn("Price the upgrade first.", "The booking takes the miles of the price shown.");
      return;
    }
    book(new RedeemAward(member.number(), bookingKey, null, pricedUpgrade, null, null));
  }

  private void book(RedeemAward award) {
    try {
      AwardView v = actions.book(currentUser.actor(), award);
      if (v.replayed()) {
        Messages.warn(
            "Already booked: award " + v.reference() + " (" + Show.grouped(v.miles()) + " miles).",
            "This request was sent twice; it was booked once and nothing more was taken."
                + " Price a new trip to book another award.");
      } else {
        Messages.info(
            "Award " + v.reference() + " booked: " + Show.grouped(v.miles()) + " miles taken.",
            "Give the member the reference "
                + v.reference()
                + (v.surchargeMiles() > 0
                    ? "; it includes "
                        + Show.grouped(v.surchargeMiles())
                        + " miles for a non-nominee passenger"
                    : "")
                + ". Price a new trip to book another.");
      }
      refresh();
    } catch (RuntimeException e) {
      Messages.refused("Booking", e);
    }
  }

  private Passenger passenger() {
    return switch (passengerKind) {
      case MEMBER -> Passenger.MEMBER;
      case NOMINEE, FAMILY_CHILD -> new Passenger(passengerKind, beneficiaryId, null, null);
      case OTHER -> new Passenger(passengerKind, null, otherFirstName, otherLastName);
    };
  }

  // --- cancellation: first the quote, then the confirmation

  public void askCancel(String reference) {
    try {
      cancelling = actions.cancellation(currentUser.actor(), reference);
      cancelReason = null;
    } catch (RuntimeException e) {
      cancelling = null;
      Messages.refused("Cancellation", e);
    }
  }

  public void confirmCancel() {
    if (cancelling == null) {
      return;
    }
    try {
      AwardView v = actions.cancel(currentUser.actor(), cancelling.reference(), cancelReason);
      Messages.info(
          "Award "
              + v.reference()
              + " cancelled: "
              + Show.grouped(v.redepositedMiles())
              + " miles redeposited.",
          "The fee was "
              + Show.grouped(v.cancelFeeMiles())
              + " miles. Tell the member the miles are available now, with their original expiry"
              + " dates.");
      cancelling = null;
      cancelReason = null;
      refresh();
    } catch (RuntimeException e) {
      Messages.refused("Cancellation", e);
    }
  }

  public void keepAward() {
    cancelling = null;
    Messages.info("Nothing cancelled.", "The award stays as it is.");
  }

  // --- helpers

  private static String newKey() {
    return "console:" + UUID.randomUUID();
  }

  private static String seasons(AwardPrice p) {
    StringBuilder b = new StringBuilder(p.routeGroup() + ", " + p.cabin());
    for (AwardPrice.Part part : p.parts()) {
      b.append("; ")
          .append(part.date())
          .append(' ')
          .append(part.season().replace('_', '-').toLowerCase(java.util.Locale.ROOT))
          .append(' ')
          .append(part.miles());
    }
    return b.toString();
  }

  public List<Cabin> getCabins() {
    return List.of(Cabin.values());
  }

  public List<Journey> getJourneys() {
    return List.of(Journey.values());
  }

  public List<Passenger.Kind> getPassengerKinds() {
    return List.of(Passenger.Kind.values());
  }

  public String passengerLabel(Passenger.Kind k) {
    return switch (k) {
      case MEMBER -> "The member";
      case NOMINEE -> "A nominee";
      case FAMILY_CHILD -> "A child of the family";
      case OTHER -> "Someone else (surcharge)";
    };
  }

  public String expiry(LocalDate date) {
    return date == null ? "by the expiry policy" : "expiring " + date;
  }

  // --- getters and setters

  public String getNumber() {
    return number;
  }

  public void setNumber(String number) {
    this.number = number == null ? null : number.strip();
  }

  public MemberView getMember() {
    return member;
  }

  /**
   * The miles the member lacks for the priced award (0 when they can afford it, or when there is no
   * price or balance): the page warns and keeps Book disabled while it is above 0.
   */
  public long getShortfall() {
    return quote == null || balance == null
        ? 0
        : Math.max(0, quote.totalMiles() - balance.available());
  }

  public BalanceView getBalance() {
    return balance;
  }

  public List<AwardView> getMemberAwards() {
    return memberAwards;
  }

  public List<BeneficiaryView> getPeople() {
    return people;
  }

  public String getOrigin() {
    return origin;
  }

  public void setOrigin(String origin) {
    this.origin = origin;
  }

  public String getDestination() {
    return destination;
  }

  public void setDestination(String destination) {
    this.destination = destination;
  }

  public Cabin getCabin() {
    return cabin;
  }

  public void setCabin(Cabin cabin) {
    this.cabin = cabin;
  }

  public Journey getJourney() {
    return journey;
  }

  public void setJourney(Journey journey) {
    this.journey = journey;
  }

  public LocalDate getOutbound() {
    return outbound;
  }

  public void setOutbound(LocalDate outbound) {
    this.outbound = outbound;
  }

  public LocalDate getInbound() {
    return inbound;
  }

  public void setInbound(LocalDate inbound) {
    this.inbound = inbound;
  }

  public AwardPrice getQuote() {
    return quote;
  }

  public String getUpOrigin() {
    return upOrigin;
  }

  public void setUpOrigin(String upOrigin) {
    this.upOrigin = upOrigin;
  }

  public String getUpDestination() {
    return upDestination;
  }

  public void setUpDestination(String upDestination) {
    this.upDestination = upDestination;
  }

  public String getCarrier() {
    return carrier;
  }

  public void setCarrier(String carrier) {
    this.carrier = carrier;
  }

  public String getBookingClass() {
    return bookingClass;
  }

  public void setBookingClass(String bookingClass) {
    this.bookingClass = bookingClass;
  }

  public Cabin getUpFrom() {
    return upFrom;
  }

  public void setUpFrom(Cabin upFrom) {
    this.upFrom = upFrom;
  }

  public Cabin getUpTo() {
    return upTo;
  }

  public void setUpTo(Cabin upTo) {
    this.upTo = upTo;
  }

  public LocalDate getUpDate() {
    return upDate;
  }

  public void setUpDate(LocalDate upDate) {
    this.upDate = upDate;
  }

  public AwardPrice getUpgradeQuote() {
    return upgradeQuote;
  }

  public Passenger.Kind getPassengerKind() {
    return passengerKind;
  }

  public void setPassengerKind(Passenger.Kind passengerKind) {
    this.passengerKind = passengerKind;
  }

  public Long getBeneficiaryId() {
    return beneficiaryId;
  }

  public void setBeneficiaryId(Long beneficiaryId) {
    this.beneficiaryId = beneficiaryId;
  }

  public String getOtherFirstName() {
    return otherFirstName;
  }

  public void setOtherFirstName(String otherFirstName) {
    this.otherFirstName = otherFirstName;
  }

  public String getOtherLastName() {
    return otherLastName;
  }

  public void setOtherLastName(String otherLastName) {
    this.otherLastName = otherLastName;
  }

  public CancellationQuote getCancelling() {
    return cancelling;
  }

  public String getCancelReason() {
    return cancelReason;
  }

  public void setCancelReason(String cancelReason) {
    this.cancelReason = cancelReason;
  }
}
