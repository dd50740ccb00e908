package org.openmiles.retention.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The set-based steps of a scoring run (schema {@code retention}): each is a statement or a few
 * over all members of the scope, never one round trip per member.
 */
public interface ScoreWork {

  /**
   * Empties the scratch tables and summarises every member of the scope from {@code member_day}:
   * first and last activity, repeat days, days from first to last, frequency and monetary value in
   * the window from {@code windowStart} (exclusive), the first day in the window, and the mean
   * value of the repeat days. For the whole base, the summary kept from the last run is brought to
   * the date when it can be (only the members whose days changed or leave the window summarised
   * again); otherwise it is made again whole. Returns the members summarised.
   */
  long summarise(ScoringScope scope, LocalDate windowStart, BigDecimal mileValue);

  /**
   * Ranks the summarised members into quintiles of recency, frequency and monetary value (a scratch
   * table publish joins): three sorts of every member, which need nothing but the summary, so the
   * run does them while it fits and scores the histories.
   */
  void rank();

  /**
   * The summary grouped by distinct history as of {@code asOf} (the summary's date), with counts
   * (for the BG/NBD fit and the scoring).
   */
  List<DayHistory> histories(LocalDate asOf);

  /**
   * The members with repeat days of positive mean value, grouped by (repeats, mean to four
   * significant digits), counted.
   */
  List<SpendCounts.Counted> spends();

  /** The parameters of the latest fit of {@code kind} over {@code cohort} (null: all), if any. */
  Optional<Map<String, Double>> latestFit(String kind, String cohort);

  /** Stores a fit. */
  void saveFit(
      long run,
      ScoringScope scope,
      String kind,
      Map<String, Double> parameters,
      double logLikelihood,
      long members,
      long rows,
      long durationMs);

  /** Writes scored histories to the scratch table, in batches. */
  void writeHistoryScores(List<HistoryScore> rows);

  /**
   * Writes tier codes and tier reasons of members above the base tier (the base tier is given to
   * {@link #publish} once, not written per member); publish keeps those of summarised members.
   */
  void writeTiers(List<MemberExtra> rows);

  /** Adds expiring-miles reasons; publish keeps those of summarised members. */
  void writeExpiry(List<MemberExtra> rows);

  /** What a run published. */
  record Published(long scored, long atRisk, long moved) {}

  /**
   * Computes every member's scores from the scratch tables (the quintiles {@link #rank} made, the
   * segment by {@code segments}, the expected value by {@code values}, or {@code fallbackValue}
   * where it does not apply) into a table of new scores, not yet seen by readers, and returns how
   * many. A member with a member number and no tier written holds {@code baseTier} (null: no member
   * was asked). The scope is the whole base: a cohort is summarised and fitted, never published.
   */
  long computeScores(
      long run,
      ScoringScope scope,
      GammaGamma values,
      double fallbackValue,
      RfmSegments segments,
      String baseTier);

  /**
   * What the new scores need before they are put in place (their indexes, the churn reasons with
   * theirs, the segment changes against the scores in place, statistics): statements independent of
   * each other, each to be run once, in a transaction of its own, in any order, concurrently.
   */
  List<Runnable> preparations(long run);

  /**
   * In one transaction: appends the segment changes to the history and puts the new scores and
   * reasons in the place of the old ones, so readers see the old scores or the new ones.
   */
  Published swapScores(long run, long scored);
}
