package org.openmiles.console.web;

import jakarta.enterprise.event.Event;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.openmiles.accounts.api.BalanceView;
import org.openmiles.accounts.api.HoldView;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberView;
import org.openmiles.accrual.api.ClaimView;
import org.openmiles.accrual.api.PendingMilesView;
import org.openmiles.cashmiles.api.PaymentView;
import org.openmiles.console.application.MemberOverview;
import org.openmiles.console.application.MemberOverviewQuery;
import org.openmiles.console.application.MemberRetention;
import org.openmiles.console.domain.AdjustmentView;
import org.openmiles.redemption.api.AwardView;
import org.openmiles.tiers.api.TierHistoryView;
import org.openmiles.tiers.api.TierProgressView;
import org.openmiles.tiers.api.TierStatusView;

/**
 * Member 360: which member the page shows and what it shows of them (profile, miles, holds, tier
 * and progress, claims, payments, pending miles, adjustments, awards), read by {@link
 * MemberOverviewQuery}. The statement and each action's form are beans of their own; they inject
 * this one for the member and call {@link #reload()} after a change, which tells them through
 * {@link MemberShown}.
 */
@Named
@ViewScoped
public class MemberPage implements Serializable {
  @Inject MemberOverviewQuery query;
  @Inject Event<MemberShown> shown;

  private String number;
  private String mergedFrom;
  private MemberView member;
  private MemberOverview overview;

  /** Loads the member named by the {@code number} view parameter. */
  public void load() {
    if (number == null || !MemberNumber.isValid(number)) {
      Messages.error(
          "That is not a valid member number.",
          "Member numbers have 10 digits; go back to the search and pick the member.");
      return;
    }
    member = query.find(new MemberNumber(number)).orElse(null);
    if (member == null) {
      Messages.error("No member " + number + ".", "Search again by name, email or phone.");
      return;
    }
    if (mergedFrom != null && MemberNumber.isValid(mergedFrom)) {
      Messages.info(
          "Member " + mergedFrom + " was merged into this member " + number + ".",
          "Its miles and qualifying activity are here now; work with " + number + ".");
    }
    reload();
  }

  /** Reads the member and every section again, after a change or on opening the page. */
  public void reload() {
    overview = query.overview(member.number(), overview == null ? null : overview.balance());
    member = overview.member();
    shown.fire(new MemberShown(overview));
  }

  /** The number of the member shown; only call it once the member was found. */
  public MemberNumber memberNumber() {
    return member.number();
  }

  public int progressMiles(TierProgressView p) {
    return TierProgress.miles(getTier(), p);
  }

  public int progressFlights(TierProgressView p) {
    return TierProgress.flights(getTier(), p);
  }

  public String getNumber() {
    return number;
  }

  public void setNumber(String number) {
    this.number = number == null ? null : number.strip();
  }

  public String getMergedFrom() {
    return mergedFrom;
  }

  public void setMergedFrom(String mergedFrom) {
    this.mergedFrom = mergedFrom == null ? null : mergedFrom.strip();
  }

  public MemberView getMember() {
    return member;
  }

  public BalanceView getBalance() {
    return overview == null ? null : overview.balance();
  }

  public List<HoldView> getHolds() {
    return overview == null ? List.of() : overview.holds();
  }

  public TierStatusView getTier() {
    return overview == null ? null : overview.tier();
  }

  public List<TierHistoryView> getTierHistory() {
    return overview == null ? List.of() : overview.tierHistory();
  }

  public List<ClaimView> getMemberClaims() {
    return overview == null ? List.of() : overview.claims();
  }

  public List<PaymentView> getMemberPayments() {
    return overview == null ? List.of() : overview.payments();
  }

  public PendingMilesView getPending() {
    return overview == null ? null : overview.pending();
  }

  public List<AdjustmentView> getMemberAdjustments() {
    return overview == null ? List.of() : overview.adjustments();
  }

  public List<AwardView> getMemberAwards() {
    return overview == null ? List.of() : overview.awards();
  }

  /** What retention knows of the member; null when it could not be read. */
  public MemberRetention getRetention() {
    return overview == null ? null : overview.retention();
  }

  /** P(alive) as a percentage, no decimals. */
  public String pAlive(double p) {
    return Math.round(p * 100) + "%";
  }

  public List<String> getNotAvailable() {
    return overview == null ? List.of() : overview.notAvailable();
  }

  public String getNotAvailableText() {
    return String.join(", ", getNotAvailable());
  }
}
