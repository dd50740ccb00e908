package org.openmiles.retention.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.openmiles.accounts.api.ExpiringMilesPage;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.common.OpenMilesException;
import org.openmiles.redemption.api.ExpiryServices;
import org.openmiles.retention.domain.BgNbd;
import org.openmiles.retention.domain.ChurnReason;
import org.openmiles.retention.domain.DayHistory;
import org.openmiles.retention.domain.GammaGamma;
import org.openmiles.retention.domain.HistoryCounts;
import org.openmiles.retention.domain.HistoryScore;
import org.openmiles.retention.domain.MemberExtra;
import org.openmiles.retention.domain.ScoreWork;
import org.openmiles.retention.domain.ScoringRunStore;
import org.openmiles.retention.domain.ScoringScope;
import org.openmiles.retention.domain.ScoringSettings;
import org.openmiles.retention.domain.SpendCounts;
import org.openmiles.tiers.api.AboveBasePage;
import org.openmiles.tiers.api.MemberTiers;
import org.openmiles.tiers.api.TierService;
import org.openmiles.tiers.api.TierStatusView;

/**
 * The steps of a scoring run (ADR 0036), each its own transaction, with the run's progress written
 * between them: summarise every member in SQL; fit BG/NBD and Gamma-Gamma to the summary grouped by
 * distinct history; score each distinct history once in Java and write them back in batches; ask
 * tiers and redemption, through their api, which members' tiers are at risk and whose miles expire;
 * publish the scores, segment changes and reasons in one transaction.
 */
@ApplicationScoped
public class ScoringJob {
  private static final Logger LOG = Logger.getLogger(ScoringJob.class.getName());

  /** The models' time unit is the week; a year and a month in weeks. */
  static final double YEAR = 365.25 / 7;

  static final double MONTH = YEAR / 12;
  private static final int PAGE = 5_000;

  /** The largest page redemption's expiring list answers. */
  private static final int EXPIRY_PAGE = 1_000;

  private static final int PROGRESS_EVERY = 20_000;

  @Inject ScoringRunStore runs;
  @Inject ScoreWork work;
  @Inject ScoringTransactions tx;
  @Inject FactsFolder folder;
  @Inject ScoringSettings settings;
  @Inject MemberTiers memberTiers;
  @Inject TierService tierService;
  @Inject ExpiryServices expiry;
  @Resource ManagedExecutorService executor;

  /** The two fits of a run, with the members they read (values null: no repeat spend to fit). */
  public record Fits(BgNbd.Fit counts, GammaGamma.Fit values, long members, long distinct) {}

  /** The whole job for the claimed run {@code run}; returns what it published. */
  public ScoreWork.Published score(long run, ScoringScope scope) {
    long started = System.nanoTime();
    long members = summarise(run, scope);
    long summarised = System.nanoTime();
    if (members == 0) {
      rank();
      return publish(run, scope, null, Double.NaN, null);
    }
    // the quintiles' sorts and the spend model run on the executor while this thread fits the
    // counts and scores the histories: PostgreSQL sorts on one core, Java fits on the other
    OnExecutor.Running<Void> ranked = OnExecutor.start(executor, this::rank);
    OnExecutor.Running<SpendFit> values = OnExecutor.start(executor, () -> fitValues(scope));
    List<DayHistory> histories = tx.inNewTransaction(() -> work.histories(scope.asOf()));
    Fits fits = fit(run, scope, members, histories, values);
    long fitted = System.nanoTime();
    scoreHistories(run, fits.counts().model(), histories, members);
    long historiesScored = System.nanoTime();
    String baseTier = checkTiers(run, scope);
    checkExpiry(run, scope);
    long asked = System.nanoTime();
    OnExecutor.joined(ranked);
    progress(run, "WRITING", 0, members);
    GammaGamma spend = fits.values() == null ? null : fits.values().model();
    double fallback = spend != null && spend.q() > 1 ? spend.populationMeanValue() : Double.NaN;
    ScoreWork.Published published = publish(run, scope, spend, fallback, baseTier);
    long done = System.nanoTime();
    LOG.info(
        () ->
            String.format(
                "retention scoring run %d (as of %s%s): %d members scored, %d at risk, %d moved"
                    + " segment; %d distinct histories; BG/NBD %s LL %.1f; Gamma-Gamma %s;"
                    + " summary %d ms, fit %d ms, histories %d ms, tiers and expiry %d ms,"
                    + " publish %d ms, total %d ms",
                run,
                scope.asOf(),
                scope.cohort() == null ? "" : ", cohort " + scope.cohort(),
                published.scored(),
                published.atRisk(),
                published.moved(),
                histories.size(),
                fits.counts().model(),
                fits.counts().logLikelihood(),
                spend,
                ms(started, summarised),
                ms(summarised, fitted),
                ms(fitted, historiesScored),
                ms(historiesScored, asked),
                ms(asked, done),
                ms(started, done)));
    return published;
  }

  /** Summary and fits only (the CDNOW check of the models through the job's own path). */
  public Fits fitOnly(long run, ScoringScope scope) {
    long members = summarise(run, scope);
    if (members == 0) {
      throw new IllegalStateException("no activity to fit in " + scope);
    }
    OnExecutor.Running<SpendFit> values = OnExecutor.start(executor, () -> fitValues(scope));
    return fit(
        run, scope, members, tx.inNewTransaction(() -> work.histories(scope.asOf())), values);
  }

  private long summarise(long run, ScoringScope scope) {
    progress(run, "SUMMARISING", 0, 0);
    folder.foldAll(); // the summary reads the kept days: the journal's first (ADR 0041)
    long members =
        tx.inNewTransaction(
            () ->
                work.summarise(
                    scope,
                    scope.asOf().minusMonths(settings.windowMonths()),
                    settings.mileValue()));
    progress(run, "FITTING", 0, members);
    return members;
  }

  /**
   * Fits BG/NBD to {@code histories} on this thread while Gamma-Gamma ({@code values}, started on
   * the container's executor before the histories were read) reads its repeat spends and fits on
   * another: the two grouped reads of the summary, and then the two fits, run on both cores.
   */
  private Fits fit(
      long run,
      ScoringScope scope,
      long members,
      List<DayHistory> histories,
      OnExecutor.Running<SpendFit> values) {
    List<HistoryCounts.Counted> rows = new ArrayList<>(histories.size());
    for (DayHistory h : histories) {
      rows.add(new HistoryCounts.Counted(h.inWeeks(), h.members()));
    }
    long t0 = System.nanoTime();
    // from the last fit of the same members, if any: a base that changed a little overnight is
    // fitted in a few steps
    BgNbd countsStart =
        tx.inNewTransaction(() -> work.latestFit("BG_NBD", scope.cohort()))
            .map(p -> new BgNbd(p.get("r"), p.get("alpha"), p.get("a"), p.get("b")))
            .orElse(null);
    BgNbd.Fit counts = BgNbd.fit(HistoryCounts.of(rows), countsStart);
    long t1 = System.nanoTime();
    BgNbd m = counts.model();
    tx.inNewTransaction(
        () -> {
          work.saveFit(
              run,
              scope,
              "BG_NBD",
              Map.of("r", m.r(), "alpha", m.alpha(), "a", m.a(), "b", m.b()),
              counts.logLikelihood(),
              members,
              histories.size(),
              ms(t0, t1));
          return null;
        });
    // stored after the counts' fit, whichever finished first: a run's fits keep their order
    SpendFit spend = OnExecutor.joined(values);
    if (spend == null) {
      return new Fits(counts, null, members, histories.size());
    }
    GammaGamma g = spend.fit().model();
    tx.inNewTransaction(
        () -> {
          work.saveFit(
              run,
              scope,
              "GAMMA_GAMMA",
              Map.of("p", g.p(), "q", g.q(), "gamma", g.gamma()),
              spend.fit().logLikelihood(),
              spend.spends().members(),
              spend.spends().rows(),
              spend.durationMs());
          return null;
        });
    return new Fits(counts, spend.fit(), members, histories.size());
  }

  /** The summarised members ranked into quintiles, in a transaction of its own. */
  private Void rank() {
    return tx.inNewTransaction(
        () -> {
          work.rank();
          return null;
        });
  }

  /** A Gamma-Gamma fit with what it read and how long it took, not yet stored. */
  private record SpendFit(GammaGamma.Fit fit, SpendCounts spends, long durationMs) {}

  /** Gamma-Gamma fitted to the members' repeat spends; null when nobody repeated. */
  private SpendFit fitValues(ScoringScope scope) {
    List<SpendCounts.Counted> spendRows = tx.inNewTransaction(work::spends);
    if (spendRows.isEmpty()) {
      return null;
    }
    SpendCounts spends = SpendCounts.of(spendRows);
    long t2 = System.nanoTime();
    GammaGamma valuesStart =
        tx.inNewTransaction(() -> work.latestFit("GAMMA_GAMMA", scope.cohort()))
            .map(p -> new GammaGamma(p.get("p"), p.get("q"), p.get("gamma")))
            .orElse(null);
    GammaGamma.Fit fitted = GammaGamma.fit(spends, valuesStart);
    return new SpendFit(fitted, spends, ms(t2, System.nanoTime()));
  }

  /**
   * The new scores published (ADR 0044): computed into a table of their own in one transaction;
   * then its indexes, the churn reasons, the segment changes and its statistics are prepared by
   * independent statements in transactions of their own, two at a time (PostgreSQL builds and
   * writes on both cores); then one transaction appends the segment changes and puts the new scores
   * and reasons in the old ones' place, so readers see the old scores or the new ones.
   */
  private ScoreWork.Published publish(
      long run, ScoringScope scope, GammaGamma spend, double fallback, String baseTier) {
    long scored =
        tx.inNewTransaction(
            () -> work.computeScores(run, scope, spend, fallback, settings.segments(), baseTier));
    List<Runnable> steps = new ArrayList<>();
    for (Runnable step : tx.inNewTransaction(() -> work.preparations(run))) {
      steps.add(
          () ->
              tx.inNewTransaction(
                  () -> {
                    step.run();
                    return null;
                  }));
    }
    OnExecutor.inTwoLanes(executor, steps);
    return tx.inNewTransaction(() -> work.swapScores(run, scored));
  }

  /** Each distinct history once: P(alive), the next year's activity days, CLV's factor, reasons. */
  private void scoreHistories(long run, BgNbd model, List<DayHistory> histories, long members) {
    progress(run, "SCORING_HISTORIES", 0, members);
    int steps = settings.clvMonths();
    double discount = settings.monthlyDiscount();
    List<HistoryScore> batch = new ArrayList<>();
    long done = 0;
    long reported = 0;
    Map<Long, double[]> ifAlive = ifAlive(model, histories, steps, discount);
    for (DayHistory h : histories) {
      var weeks = h.inWeeks();
      double pAlive = finite(model.pAlive(weeks), 1);
      double[] alive = ifAlive.get(pair(h));
      double expected = alive[0] * pAlive;
      double discounted = alive[1] * pAlive;
      String pAliveReason = null;
      String gapReason = null;
      for (ChurnReason r :
          settings.churn().fromHistory(pAlive, h.repeats(), h.lastAtDays(), h.ageDays())) {
        if (ChurnReason.P_ALIVE_LOW.equals(r.code())) {
          pAliveReason = r.text();
        } else {
          gapReason = r.text();
        }
      }
      batch.add(
          new HistoryScore(
              h.repeats(),
              h.lastAtDays(),
              h.ageDays(),
              pAlive,
              expected,
              discounted,
              pAliveReason,
              gapReason));
      done += h.members();
      if (batch.size() >= PROGRESS_EVERY || done - reported >= 100_000) {
        write(batch);
        reported = done;
        progress(run, "SCORING_HISTORIES", done, members);
      }
    }
    write(batch);
    progress(run, "SCORING_HISTORIES", done, members);
  }

  /** The key of a history's (repeats, age) pair. */
  private static long pair(DayHistory h) {
    return (long) h.repeats() * 1_000_003L + h.ageDays();
  }

  /**
   * What an alive member is expected to do (the next year's activities, CLV's discounted factor)
   * depends on (repeats, age) only: computed once per pair, half of the pairs on a thread of the
   * container's executor (ADR 0007) while this thread does the other half; a half the executor has
   * not started by then is done here. Most of the histories step's time: 37 hypergeometric series
   * per pair.
   */
  private Map<Long, double[]> ifAlive(
      BgNbd model, List<DayHistory> histories, int steps, double discount) {
    Map<Long, DayHistory> pairs = new HashMap<>();
    for (DayHistory h : histories) {
      pairs.putIfAbsent(pair(h), h);
    }
    List<DayHistory> all = new ArrayList<>(pairs.values());
    int half = all.size() / 2;
    OnExecutor.Running<Map<Long, double[]>> second =
        OnExecutor.start(
            executor, () -> expectedIfAlive(model, all.subList(half, all.size()), steps, discount));
    Map<Long, double[]> out = expectedIfAlive(model, all.subList(0, half), steps, discount);
    out.putAll(OnExecutor.joined(second));
    return out;
  }

  private static Map<Long, double[]> expectedIfAlive(
      BgNbd model, List<DayHistory> pairs, int steps, double discount) {
    Map<Long, double[]> out = new HashMap<>();
    for (DayHistory h : pairs) {
      var weeks = h.inWeeks();
      out.put(
          pair(h),
          new double[] {
            finite(model.expectedActivitiesIfAlive(weeks, YEAR), 0),
            finite(model.discountedActivitiesIfAlive(weeks, steps, MONTH, discount), 0)
          });
    }
    return out;
  }

  private void write(List<HistoryScore> batch) {
    if (batch.isEmpty()) {
      return;
    }
    List<HistoryScore> rows = List.copyOf(batch);
    batch.clear();
    tx.inNewTransaction(
        () -> {
          work.writeHistoryScores(rows);
          return null;
        });
  }

  /**
   * The members tiers says hold a tier above the base tier on the run's date, a page of recorded
   * statuses at a time: for each, the tier and the status with what it takes to keep it, written
   * per member (only the summarised ones are kept). Returns the base tier's code, which publish
   * gives to everyone else: most members hold it and have no recorded status, so asking about them
   * (a page of a million members at a time) cost seconds for nothing (ADR 0039).
   */
  private String checkTiers(long run, ScoringScope scope) {
    progress(run, "CHECKING_TIERS", 0, 0);
    String baseTier = memberTiers.baseOn(scope.asOf()).code();
    MemberNumber after = null;
    long done = 0;
    do {
      AboveBasePage page = memberTiers.aboveBaseOn(scope.asOf(), after, PAGE);
      List<MemberExtra> extras = new ArrayList<>();
      for (var e : page.members().entrySet()) {
        if (scope.cohort() != null && !e.getKey().value().startsWith(scope.cohort())) {
          continue; // a cohort run scores its own members only
        }
        String reason = tierReason(e.getKey(), scope);
        extras.add(new MemberExtra(e.getKey().value(), e.getValue().code(), reason, null));
      }
      done = writePage(run, "CHECKING_TIERS", extras, done, work::writeTiers);
      after = page.nextAfter();
    } while (after != null);
    return baseTier;
  }

  private String tierReason(MemberNumber member, ScoringScope scope) {
    try {
      TierStatusView s = tierService.status(member);
      if (s.keep() == null) {
        return null;
      }
      return settings
          .churn()
          .tierAtRisk(
              s.tierName(),
              s.validUntil(),
              scope.asOf(),
              s.keep().milesNeeded(),
              s.keep().flightsNeeded(),
              s.keep().spendNeeded(),
              s.spendCurrency())
          .map(ChurnReason::text)
          .orElse(null);
    } catch (OpenMilesException unknown) { // not a member of accounts (merged away, say)
      return null;
    }
  }

  /** Redemption's list of members with miles expiring in the window, page by page. */
  private void checkExpiry(long run, ScoringScope scope) {
    progress(run, "CHECKING_EXPIRY", 0, 0);
    MemberNumber after = null;
    long done = 0;
    while (true) {
      ExpiringMilesPage page = expiry.expiring(settings.expiryWindowDays(), after, EXPIRY_PAGE);
      List<MemberExtra> extras = new ArrayList<>(page.members().size());
      for (ExpiringMilesPage.Member m : page.members()) {
        ChurnReason r = settings.churn().milesExpiring(m.miles(), m.firstExpiry(), m.reason());
        extras.add(new MemberExtra(m.member().value(), null, null, r.text()));
      }
      done = writePage(run, "CHECKING_EXPIRY", extras, done, work::writeExpiry);
      if (page.nextAfter() == null) {
        break;
      }
      after = page.nextAfter();
    }
  }

  /**
   * Writes a page of what tiers or redemption said ({@code write}) in its own transaction and
   * reports the step's progress; returns the members done so far.
   */
  private long writePage(
      long run,
      String step,
      List<MemberExtra> extras,
      long done,
      Consumer<List<MemberExtra>> write) {
    if (!extras.isEmpty()) {
      tx.inNewTransaction(
          () -> {
            write.accept(extras);
            return null;
          });
    }
    progress(run, step, done + extras.size(), 0);
    return done + extras.size();
  }

  private void progress(long run, String step, long done, long total) {
    tx.inNewTransaction(
        () -> {
          runs.progress(run, step, done, total);
          return null;
        });
  }

  private static double finite(double v, double otherwise) {
    return Double.isFinite(v) ? v : otherwise;
  }

  private static long ms(long from, long to) {
    return (to - from) / 1_000_000;
  }
}
