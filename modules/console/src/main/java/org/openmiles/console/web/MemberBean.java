package org.openmiles.console.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.openmiles.accounts.api.BalanceView;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.HoldView;
import org.openmiles.accounts.api.LedgerEntryView;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberService;
import org.openmiles.accounts.api.MemberStatus;
import org.openmiles.accounts.api.MemberView;
import org.openmiles.accounts.api.MilesLedger;
import org.openmiles.accounts.api.StatementPage;
import org.openmiles.accounts.api.StatementQuery;
import org.openmiles.accounts.api.UpdateProfile;
import org.openmiles.accrual.api.BookingAccrual;
import org.openmiles.accrual.api.ClaimView;
import org.openmiles.accrual.api.FileClaim;
import org.openmiles.accrual.api.MissingMilesClaims;
import org.openmiles.accrual.api.PendingMilesView;
import org.openmiles.cashmiles.api.CashMilesPayments;
import org.openmiles.cashmiles.api.PaymentView;
import org.openmiles.console.application.AdjustmentView;
import org.openmiles.console.application.Adjustments;
import org.openmiles.console.application.MemberActions;
import org.openmiles.console.domain.AdjustmentStatus;
import org.openmiles.console.domain.Masking;
import org.openmiles.redemption.api.AwardService;
import org.openmiles.redemption.api.AwardView;
import org.openmiles.tiers.api.TierHistoryView;
import org.openmiles.tiers.api.TierProgressView;
import org.openmiles.tiers.api.TierService;
import org.openmiles.tiers.api.TierStatusView;

/**
 * Member 360: everything about one member on one page (profile, miles, holds, tier and progress,
 * statement, claims, payments, pending miles, adjustments), and the actions an agent takes from it.
 * Each section is read through its module's api; a section that cannot be read shows its own
 * message and the rest of the page still works.
 */
@Named
@ViewScoped
public class MemberBean implements Serializable {
  static final int STATEMENT_PAGE = 20;

  @Inject MemberService members;
  @Inject MilesLedger ledger;
  @Inject TierService tiers;
  @Inject MissingMilesClaims claims;
  @Inject BookingAccrual bookings;
  @Inject CashMilesPayments payments;
  @Inject Adjustments adjustments;
  @Inject MemberActions actions;
  @Inject CurrentUser currentUser;
  @Inject AwardService awards;

  private String number;
  private MemberView member;
  private BalanceView balance;
  private List<HoldView> holds = List.of();
  private TierStatusView tier;
  private List<TierHistoryView> tierHistory = List.of();
  private List<ClaimView> memberClaims = List.of();
  private List<PaymentView> memberPayments = List.of();
  private PendingMilesView pending;
  private List<AdjustmentView> memberAdjustments = List.of();
  private List<AwardView> memberAwards = List.of();
  private String mergedFrom;
  private final List<String> notAvailable = new ArrayList<>();
  private boolean revealed;

  // statement: keyset pages, the cursors of the pages before the current one
  private List<LedgerEntryView> entries = List.of();
  private final List<String> cursors = new ArrayList<>();
  private String nextCursor;
  private LocalDate from;
  private LocalDate to;
  private EntryType type;

  // forms
  private Long adjustMiles;
  private String adjustReason;
  private String revealReason;
  private String firstName;
  private String lastName;
  private String email;
  private String phone;
  private String country;
  private String profileReason;
  private MemberStatus statusTarget;
  private String statusReason;
  private String overrideTier;
  private LocalDate overrideUntil;
  private String overrideReason;
  private FileClaimForm claim = new FileClaimForm();

  /** Loads the member named by the {@code number} view parameter. */
  public void load() {
    if (number == null || !MemberNumber.isValid(number)) {
      Messages.error(
          "That is not a valid member number.",
          "Member numbers have 10 digits; go back to the search and pick the member.");
      return;
    }
    MemberNumber n = new MemberNumber(number);
    member = members.find(n).orElse(null);
    if (member == null) {
      Messages.error("No member " + number + ".", "Search again by name, email or phone.");
      return;
    }
    if (mergedFrom != null && MemberNumber.isValid(mergedFrom)) {
      Messages.info(
          "Member " + mergedFrom + " was merged into this member " + number + ".",
          "Its miles and qualifying activity are here now; work with " + number + ".");
    }
    refresh();
  }

  private void refresh() {
    MemberNumber n = member.number();
    notAvailable.clear();
    member = members.get(n);
    balance = section("balance", () -> ledger.balance(n), balance);
    holds = section("holds", () -> ledger.holds(n, true), List.of());
    tier = section("tier", () -> tiers.status(n), null);
    tierHistory = section("tier history", () -> tiers.history(n), List.of());
    memberClaims = section("claims", () -> claims.ofMember(n, 20), List.of());
    memberPayments =
        section("Cash & Miles payments", () -> payments.paymentsOfMember(n, 20), List.of());
    pending = section("pending miles", () -> bookings.pendingMiles(n), null);
    memberAdjustments = section("adjustments", () -> adjustments.ofMember(n, 20), List.of());
    memberAwards = section("awards", () -> awards.awards(n, 20), List.of());
    firstName = member.firstName();
    lastName = member.lastName();
    email = member.email();
    phone = member.phone();
    country = member.country();
    cursors.clear();
    loadStatement(null);
  }

  private <T> T section(String name, java.util.function.Supplier<T> read, T fallback) {
    try {
      return read.get();
    } catch (RuntimeException e) {
      notAvailable.add(name);
      java.util.logging.Logger.getLogger(MemberBean.class.getName())
          .log(java.util.logging.Level.WARNING, "member 360: " + name + " not available", e);
      return fallback;
    }
  }

  // --- statement

  private void loadStatement(String cursor) {
    try {
      Set<EntryType> types = type == null ? Set.of() : EnumSet.of(type);
      StatementPage page =
          ledger.statement(
              new StatementQuery(member.number(), from, to, types, cursor, STATEMENT_PAGE));
      entries = page.entries();
      nextCursor = page.nextCursor();
    } catch (RuntimeException e) {
      Messages.refused("Statement", e);
    }
  }

  public void filterStatement() {
    cursors.clear();
    loadStatement(null);
  }

  public void olderEntries() {
    if (nextCursor != null) {
      cursors.add(nextCursor);
      loadStatement(nextCursor);
    }
  }

  public void newerEntries() {
    if (!cursors.isEmpty()) {
      cursors.remove(cursors.size() - 1);
      loadStatement(cursors.isEmpty() ? null : cursors.get(cursors.size() - 1));
    }
  }

  public boolean isHasOlder() {
    return nextCursor != null;
  }

  public boolean isHasNewer() {
    return !cursors.isEmpty();
  }

  public int getStatementPageNumber() {
    return cursors.size() + 1;
  }

  // --- actions

  public void adjust() {
    try {
      AdjustmentView a =
          adjustments.request(
              currentUser.actor(),
              member.number(),
              adjustMiles == null ? 0 : adjustMiles,
              adjustReason);
      if (a.status() == AdjustmentStatus.POSTED) {
        Messages.info(
            "Adjustment of " + a.miles() + " miles posted.",
            "The balance below includes it; tell the member it is available now.");
      } else {
        Messages.warn(
            "Adjustment of " + a.miles() + " miles is waiting for a supervisor.",
            "It is above your limit of "
                + adjustments.agentLimit()
                + " miles. Tell the member it will show once approved (request "
                + a.id()
                + ").");
      }
      adjustMiles = null;
      adjustReason = null;
      refresh();
    } catch (RuntimeException e) {
      Messages.refused("Adjustment", e);
    }
  }

  public void reveal() {
    try {
      actions.revealPersonalData(currentUser.actor(), member.number(), revealReason);
      revealed = true;
      revealReason = null;
      Messages.info("Email and phone shown.", "Your reason is in the audit log.");
    } catch (RuntimeException e) {
      Messages.refused("Showing personal data", e);
    }
  }

  public void saveProfile() {
    try {
      actions.updateProfile(
          currentUser.actor(),
          member.number(),
          new UpdateProfile(
              changed(firstName, member.firstName()),
              changed(lastName, member.lastName()),
              changedContact(email, member.email()),
              changedContact(phone, member.phone()),
              null,
              changed(country, member.country()),
              null),
          profileReason);
      profileReason = null;
      Messages.info("Profile saved.", "The change and your reason are in the audit log.");
      refresh();
    } catch (RuntimeException e) {
      Messages.refused("Profile change", e);
    }
  }

  /** A masked contact field left as shown is not a change. */
  private String changedContact(String value, String current) {
    if (!isShowFullContact() && value != null && value.contains("*")) {
      return null;
    }
    return changed(value, current);
  }

  private static String changed(String value, String current) {
    return value == null || value.equals(current) ? null : value;
  }

  public void changeStatus() {
    if (statusTarget == null) {
      Messages.error(
          "Choose the status to change to.", "Nothing was changed; the reason you typed is kept.");
      return;
    }
    try {
      actions.changeStatus(currentUser.actor(), member.number(), statusTarget, statusReason);
      Messages.info(
          "Member is now " + statusTarget.name().toLowerCase(java.util.Locale.ROOT) + ".",
          statusTarget == MemberStatus.ACTIVE
              ? "They can earn and spend miles again."
              : statusTarget == MemberStatus.SUSPENDED
                  ? "They keep earning but cannot spend or hold miles until reactivated."
                  : "The account earns and spends nothing more.");
      statusReason = null;
      refresh();
    } catch (RuntimeException e) {
      Messages.refused("Status change", e);
    }
  }

  public void grantOverride() {
    try {
      TierStatusView after =
          actions.overrideTier(
              currentUser.actor(), member.number(), overrideTier, overrideUntil, overrideReason);
      Messages.info(
          "Tier override granted: " + after.tierName() + " until " + overrideUntil + ".",
          "The member has the benefits from today.");
      overrideReason = null;
      refresh();
    } catch (RuntimeException e) {
      Messages.refused("Tier override", e);
    }
  }

  public void fileClaim() {
    try {
      ClaimView c =
          actions.fileClaim(
              currentUser.actor(),
              new FileClaim(
                  member.number(),
                  claim.getTicketNumber(),
                  claim.getCouponNumber(),
                  claim.getCarrier(),
                  claim.getFlightNumber(),
                  claim.getFlightDate(),
                  claim.getOrigin(),
                  claim.getDestination(),
                  claim.getBookingClass()));
      switch (c.status()) {
        case CREDITED ->
            Messages.info(
                "Claim " + c.id() + " credited: " + c.milesCredited() + " miles.",
                "Tell the member the miles are in the balance now.");
        case PENDING ->
            Messages.info(
                "Claim " + c.id() + " is waiting for the airline's flown data.",
                "It is matched automatically when the flight's coupon arrives.");
        case PENDING_REVIEW ->
            Messages.warn(
                "Claim " + c.id() + " needs a review: " + c.reason(),
                "Open Claims review to approve or reject it.");
        case REJECTED ->
            Messages.warn(
                "Claim " + c.id() + " rejected: " + c.reason(), "Explain this to the member.");
      }
      claim = new FileClaimForm();
      refresh();
    } catch (RuntimeException e) {
      Messages.refused("Claim", e);
    }
  }

  // --- view helpers

  public boolean isShowFullContact() {
    return revealed || currentUser.isSupervisor();
  }

  public String getShownEmail() {
    return isShowFullContact() ? member.email() : Masking.email(member.email());
  }

  public String getShownPhone() {
    return isShowFullContact() ? member.phone() : Masking.phone(member.phone());
  }

  public int progressMiles(TierProgressView p) {
    if (p == null || tier == null) {
      return 0;
    }
    long have = p.flightsNeeded() == null ? tier.lifetimeQualifyingMiles() : tier.qualifyingMiles();
    return percent(BigDecimal.valueOf(have), BigDecimal.valueOf(p.milesNeeded()));
  }

  public int progressFlights(TierProgressView p) {
    if (p == null || tier == null || p.flightsNeeded() == null) {
      return 0;
    }
    return percent(tier.qualifyingFlights(), p.flightsNeeded());
  }

  private static int percent(BigDecimal have, BigDecimal needed) {
    BigDecimal total = have.add(needed);
    if (total.signum() == 0) {
      return 100;
    }
    return have.multiply(BigDecimal.valueOf(100)).divide(total, 0, RoundingMode.DOWN).intValue();
  }

  public List<EntryType> getEntryTypes() {
    return List.of(EntryType.values());
  }

  /**
   * The statuses this user may move the member to: never the one it has, and closing only for a
   * supervisor (an agent would be refused after filling in the form).
   */
  public List<MemberStatus> getStatusTargets() {
    return member == null
        ? List.of()
        : java.util.Arrays.stream(MemberStatus.values())
            .filter(s -> s != member.status())
            .filter(s -> s != MemberStatus.CLOSED || currentUser.isSupervisor())
            .toList();
  }

  public List<String> getTierCodes() {
    return List.of("TITANIUM", "GOLD", "PLATINUM");
  }

  public long getAgentLimit() {
    return adjustments.agentLimit();
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

  public BalanceView getBalance() {
    return balance;
  }

  public List<HoldView> getHolds() {
    return holds;
  }

  public TierStatusView getTier() {
    return tier;
  }

  public List<TierHistoryView> getTierHistory() {
    return tierHistory;
  }

  public List<ClaimView> getMemberClaims() {
    return memberClaims;
  }

  public List<PaymentView> getMemberPayments() {
    return memberPayments;
  }

  public PendingMilesView getPending() {
    return pending;
  }

  public List<AdjustmentView> getMemberAdjustments() {
    return memberAdjustments;
  }

  public List<AwardView> getMemberAwards() {
    return memberAwards;
  }

  public String getMergedFrom() {
    return mergedFrom;
  }

  public void setMergedFrom(String mergedFrom) {
    this.mergedFrom = mergedFrom == null ? null : mergedFrom.strip();
  }

  public List<String> getNotAvailable() {
    return notAvailable;
  }

  public String getNotAvailableText() {
    return String.join(", ", notAvailable);
  }

  public List<LedgerEntryView> getEntries() {
    return entries;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }

  public EntryType getType() {
    return type;
  }

  public void setType(EntryType type) {
    this.type = type;
  }

  public Long getAdjustMiles() {
    return adjustMiles;
  }

  public void setAdjustMiles(Long adjustMiles) {
    this.adjustMiles = adjustMiles;
  }

  public String getAdjustReason() {
    return adjustReason;
  }

  public void setAdjustReason(String adjustReason) {
    this.adjustReason = adjustReason;
  }

  public String getRevealReason() {
    return revealReason;
  }

  public void setRevealReason(String revealReason) {
    this.revealReason = revealReason;
  }

  public String getFirstName() {
    return firstName;
  }

  public void setFirstName(String firstName) {
    this.firstName = firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public void setLastName(String lastName) {
    this.lastName = lastName;
  }

  public String getEmail() {
    return isShowFullContact() ? email : Masking.email(email);
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPhone() {
    return isShowFullContact() ? phone : Masking.phone(phone);
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public String getCountry() {
    return country;
  }

  public void setCountry(String country) {
    this.country = country;
  }

  public String getProfileReason() {
    return profileReason;
  }

  public void setProfileReason(String profileReason) {
    this.profileReason = profileReason;
  }

  public MemberStatus getStatusTarget() {
    return statusTarget;
  }

  public void setStatusTarget(MemberStatus statusTarget) {
    this.statusTarget = statusTarget;
  }

  public String getStatusReason() {
    return statusReason;
  }

  public void setStatusReason(String statusReason) {
    this.statusReason = statusReason;
  }

  public String getOverrideTier() {
    return overrideTier;
  }

  public void setOverrideTier(String overrideTier) {
    this.overrideTier = overrideTier;
  }

  public LocalDate getOverrideUntil() {
    return overrideUntil;
  }

  public void setOverrideUntil(LocalDate overrideUntil) {
    this.overrideUntil = overrideUntil;
  }

  public String getOverrideReason() {
    return overrideReason;
  }

  public void setOverrideReason(String overrideReason) {
    this.overrideReason = overrideReason;
  }

  public FileClaimForm getClaim() {
    return claim;
  }
}
