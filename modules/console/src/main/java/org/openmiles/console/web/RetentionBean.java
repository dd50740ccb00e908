package org.openmiles.console.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openmiles.console.api.Actor;
import org.openmiles.console.api.ConsoleRole;
import org.openmiles.console.application.AuditTrail;
import org.openmiles.retention.api.CampaignRunView;
import org.openmiles.retention.api.Campaigns;
import org.openmiles.retention.api.ChurnRiskPage;
import org.openmiles.retention.api.ChurnRiskQuery;
import org.openmiles.retention.api.NpsAnswers;
import org.openmiles.retention.api.NpsDimension;
import org.openmiles.retention.api.NpsReport;
import org.openmiles.retention.api.NpsRow;
import org.openmiles.retention.api.RetentionScores;
import org.openmiles.retention.api.RetentionStatistics;
import org.openmiles.retention.api.RevenueConcentration;
import org.openmiles.retention.api.ScoringRunView;
import org.openmiles.retention.api.ScoringRuns;
import org.openmiles.retention.api.SegmentMovement;
import org.openmiles.retention.api.SegmentSize;

/**
 * The retention dashboard for supervisors: how concentrated revenue is (the share of the top 2.5 %
 * of active members, and of each top band, over the last 12 months), the segments of the latest
 * scoring run and the movements between them in the last 30 days, the churn-risk list by lifetime
 * value, NPS per month, the latest scoring run and the latest campaign runs with their audiences
 * and files, each read from the retention module's api. A section whose part cannot answer says so
 * and the others still show.
 */
@Named
@RequestScoped
public class RetentionBean {
  private static final Logger LOG = Logger.getLogger(RetentionBean.class.getName());
  static final int MONTHS = 12;

  static final int MOVEMENT_DAYS = 30;
  static final int CHURN_ROWS = 20;

  @Inject RetentionStatistics statistics;
  @Inject RetentionScores scores;
  @Inject ScoringRuns runs;
  @Inject NpsAnswers nps;
  @Inject Campaigns campaigns;
  @Inject AirlineTime time;
  @Inject CurrentUser currentUser;
  @Inject AuditTrail audit;

  private RevenueConcentration concentration;
  private List<SegmentSize> segments;
  private List<SegmentMovement> movements;
  private ChurnRiskPage churn;
  private NpsReport npsByMonth;
  private ScoringRunView lastRun;
  private boolean runsAvailable = true;
  private List<CampaignRunView> campaignRuns;

  @PostConstruct
  void load() {
    LocalDate today = time.today();
    concentration =
        read(
            "the revenue concentration",
            () -> statistics.revenueConcentration(today.minusMonths(MONTHS), today));
    segments = read("the segments", scores::segments);
    movements =
        read(
            "the movements",
            () ->
                scores.movements(today.minusDays(MOVEMENT_DAYS), today).stream()
                    .sorted(Comparator.comparingLong(SegmentMovement::members).reversed())
                    .limit(10)
                    .toList());
    churn =
        read(
            "the churn-risk list",
            () -> scores.churnRisk(new ChurnRiskQuery(null, null, null, CHURN_ROWS, 0)));
    npsByMonth =
        read(
            "NPS",
            () ->
                nps.report(
                    NpsDimension.MONTH, today.withDayOfMonth(1).minusMonths(MONTHS - 1), today));
    campaignRuns = read("the campaign runs", () -> campaigns.runs(3));
    Optional<ScoringRunView> run = read("the latest scoring run", runs::latest);
    runsAvailable = run != null;
    lastRun = run == null ? null : run.orElse(null);
  }

  /**
   * A supervisor starts a scoring run now (over activity up to yesterday), as the nightly one does;
   * refused while one runs anywhere in the cluster. Audited.
   */
  public void startScoring() {
    start(
        "Scoring run",
        "SCORING_RUN_STARTED",
        actor -> {
          ScoringRunView run = runs.start(null, actor.username());
          return new Started(run.id(), "activity up to " + run.asOf());
        },
        "It scores every member in the background; reload this page to follow it under Latest"
            + " scoring run.");
  }

  /**
   * A supervisor runs the campaign rules now over the latest scores; refused while a campaign run
   * is going. Audited.
   */
  public void startCampaigns() {
    start(
        "Campaign run",
        "CAMPAIGN_RUN_STARTED",
        actor -> new Started(campaigns.start(actor.username()).id(), null),
        "Only members who consented to a campaign's channel and are not suppressed are selected;"
            + " reload this page to see its audiences and files.");
  }

  private record Started(long id, String detail) {}

  /** Starts a run as the supervisor, audits it as {@code action}, and says so (or why not). */
  private void start(String what, String action, Function<Actor, Started> starter, String next) {
    try {
      Actor actor = currentUser.actor();
      actor.require(ConsoleRole.SUPERVISOR, "start a " + what.toLowerCase(Locale.ROOT));
      Started run = starter.apply(actor);
      String target = what.toLowerCase(Locale.ROOT) + " " + run.id();
      audit.record(actor, action, null, target, null, run.detail(), null);
      Messages.info(what + " " + run.id() + " started", next);
    } catch (RuntimeException e) {
      Messages.refused(what, e);
    }
    load();
  }

  private static <T> T read(String what, Supplier<T> query) {
    try {
      return query.get();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "retention dashboard: cannot read " + what, e);
      return null;
    }
  }

  public boolean isScoresAvailable() {
    return segments != null;
  }

  public List<SegmentSize> getSegments() {
    return segments;
  }

  /** Whether any member has a segment yet (a scoring run has finished). */
  public boolean isScored() {
    return segments != null && segments.stream().anyMatch(x -> x.members() > 0);
  }

  public String getSegmentChart() {
    List<SegmentSize> shown = segments.stream().filter(x -> x.members() > 0).toList();
    return ChartConfig.horizontalBars(
        "Members",
        shown.stream().map(SegmentSize::segment).toList(),
        shown.stream().map(SegmentSize::members).toList());
  }

  public List<SegmentMovement> getMovements() {
    return movements;
  }

  public ChurnRiskPage getChurn() {
    return churn;
  }

  /** P(alive) as a percentage, no decimals. */
  public String pAlive(double p) {
    return Math.round(p * 100) + "%";
  }

  public NpsReport getNps() {
    return npsByMonth;
  }

  public boolean isNpsAnswered() {
    return npsByMonth != null && npsByMonth.total().answers() > 0;
  }

  public String getNpsChart() {
    return ChartConfig.bars(
        "NPS",
        npsByMonth.rows().stream().map(NpsRow::key).toList(),
        npsByMonth.rows().stream()
            .map(r -> r.nps() == null ? 0L : r.nps().setScale(0, RoundingMode.HALF_UP).longValue())
            .toList());
  }

  /** The latest campaign runs (three), newest first; null when they could not be read. */
  public List<CampaignRunView> getCampaignRuns() {
    return campaignRuns;
  }

  /** The latest campaign run, or null. */
  public CampaignRunView getLastCampaignRun() {
    return campaignRuns == null || campaignRuns.isEmpty() ? null : campaignRuns.get(0);
  }

  public boolean isRunsAvailable() {
    return runsAvailable;
  }

  public ScoringRunView getLastRun() {
    return lastRun;
  }

  public boolean isConcentrationAvailable() {
    return concentration != null;
  }

  public RevenueConcentration getConcentration() {
    return concentration;
  }

  /** The share of the top 2.5 % in percent with one decimal ("34.2"), or "–" without revenue. */
  public String getTopShare() {
    return concentration
        .band("2.5")
        .filter(b -> concentration.revenue().signum() > 0)
        .map(b -> percent(b.share()))
        .orElse("–");
  }

  public long getTopMembers() {
    return concentration.band("2.5").map(RevenueConcentration.Band::members).orElse(0L);
  }

  /** A band's share of the revenue in percent, one decimal. */
  public String percent(BigDecimal share) {
    return share.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString();
  }

  public String getConcentrationChart() {
    List<RevenueConcentration.Band> bands = concentration.bands();
    return ChartConfig.bars(
        "% of revenue",
        bands.stream()
            .map(b -> "top " + b.percent().stripTrailingZeros().toPlainString() + "%")
            .toList(),
        bands.stream()
            .map(b -> b.share().movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValue())
            .toList());
  }

  public String getConcentrationSummary() {
    return "Over the last "
        + MONTHS
        + " months the top 2.5% of the "
        + concentration.activeMembers()
        + " active members brought "
        + getTopShare()
        + "% of the revenue.";
  }
}
