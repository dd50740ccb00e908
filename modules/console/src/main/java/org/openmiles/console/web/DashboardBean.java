package org.openmiles.console.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openmiles.accounts.api.DailyMiles;
import org.openmiles.accounts.api.LedgerStatistics;
import org.openmiles.accrual.api.AccrualStatistics;
import org.openmiles.accrual.api.ClaimStatus;
import org.openmiles.accrual.api.PartnerMiles;
import org.openmiles.console.application.Adjustments;
import org.openmiles.tiers.api.TierCount;
import org.openmiles.tiers.api.TierStatistics;

/**
 * The dashboard: miles issued per day over the last 30 days (airline time zone), members per tier,
 * the partners that issued the most miles in the last 30 days, and what waits for people
 * (adjustments for a supervisor, claims for an agent). Every figure comes from a module's {@code
 * api} aggregate (one set-based query each); a section whose module cannot answer says so and the
 * others still show.
 */
@Named
@RequestScoped
public class DashboardBean {
  private static final Logger LOG = Logger.getLogger(DashboardBean.class.getName());
  static final int DAYS = 30;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

  @Inject LedgerStatistics ledger;
  @Inject IssuedMilesHistory issued;
  @Inject TierStatistics tiers;
  @Inject AccrualStatistics accrual;
  @Inject Adjustments adjustments;
  @Inject AirlineTime time;

  private List<DailyMiles> days;
  private List<TierCount> tierCounts;
  private List<PartnerMiles> partners;
  private Long pendingApprovals;
  private Long claimsToReview;
  private Long claimsWaitingForFlights;

  @PostConstruct
  void load() {
    days = read("miles per day", () -> issued.lastDays(DAYS));
    tierCounts = read("members per tier", () -> tiers.membersByTier(ledger.openMembers()));
    partners =
        read(
            "top partners",
            () -> accrual.topPartnersByMiles(time.now().minus(Duration.ofDays(DAYS)), 8));
    pendingApprovals = read("pending approvals", adjustments::countPending);
    claimsToReview = read("claims to review", () -> accrual.claimsIn(ClaimStatus.PENDING_REVIEW));
    claimsWaitingForFlights = read("pending claims", () -> accrual.claimsIn(ClaimStatus.PENDING));
  }

  private static <T> T read(String what, java.util.function.Supplier<T> query) {
    try {
      return query.get();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "dashboard: cannot read " + what, e);
      return null;
    }
  }

  public boolean isDaysAvailable() {
    return days != null;
  }

  public String getIssuedChart() {
    return ChartConfig.bars(
        "Miles issued",
        days.stream().map(d -> DAY.format(d.day())).toList(),
        days.stream().map(DailyMiles::miles).toList());
  }

  public long getIssuedTotal() {
    return days.stream().mapToLong(DailyMiles::miles).sum();
  }

  public long getIssuedToday() {
    return days.get(days.size() - 1).miles();
  }

  public String getIssuedSummary() {
    return "Miles issued per day over the last "
        + DAYS
        + " days: "
        + getIssuedTotal()
        + " in all, "
        + getIssuedToday()
        + " today.";
  }

  public boolean isTiersAvailable() {
    return tierCounts != null;
  }

  public List<TierCount> getTierCounts() {
    return tierCounts;
  }

  public String getTierChart() {
    return ChartConfig.doughnut(
        "Members",
        tierCounts.stream().map(TierCount::name).toList(),
        tierCounts.stream().map(TierCount::members).toList());
  }

  public boolean isPartnersAvailable() {
    return partners != null;
  }

  public List<PartnerMiles> getPartners() {
    return partners;
  }

  public String getPartnerChart() {
    return ChartConfig.horizontalBars(
        "Miles issued",
        partners.stream().map(PartnerMiles::partnerName).toList(),
        partners.stream().map(PartnerMiles::miles).toList());
  }

  public Long getPendingApprovals() {
    return pendingApprovals;
  }

  public Long getClaimsToReview() {
    return claimsToReview;
  }

  public Long getClaimsWaitingForFlights() {
    return claimsWaitingForFlights;
  }

  public String getZone() {
    return time.zone().getId();
  }
}
