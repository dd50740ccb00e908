package org.openmiles.tiers.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The qualification rules in force on a date: the period, the tiers by rank, how far a missed
 * requirement drops a member at the review, and for how many following periods a status holds. Pure
 * rules, no I/O: the upgrade observer, the review SQL and the progress query all follow them.
 */
public final class TierProgram {
  private final QualificationPeriod period;
  private final int reviewDropTiers;
  private final int validityPeriods;
  private final List<TierDefinition> tiers; // by rank, lowest first
  private final String spendCurrency; // ISO 4217, or null when no tier counts spend

  public TierProgram(
      QualificationPeriod period,
      int reviewDropTiers,
      int validityPeriods,
      List<TierDefinition> tiers) {
    this(period, reviewDropTiers, validityPeriods, tiers, null);
  }

  public TierProgram(
      QualificationPeriod period,
      int reviewDropTiers,
      int validityPeriods,
      List<TierDefinition> tiers,
      String spendCurrency) {
    this.period = Objects.requireNonNull(period, "period");
    this.reviewDropTiers = reviewDropTiers;
    this.validityPeriods = validityPeriods;
    this.tiers = tiers.stream().sorted(Comparator.comparingInt(TierDefinition::rank)).toList();
    this.spendCurrency = spendCurrency;
    if (this.tiers.isEmpty() || this.tiers.get(0).lifetime()) {
      throw new IllegalArgumentException("a program needs a periodic base tier");
    }
    if (spendCurrency == null && countsSpend()) {
      throw new IllegalArgumentException("tiers with a spend threshold need a spend currency");
    }
  }

  /** The currency qualifying spend is counted in; empty when no tier in force counts spend. */
  public Optional<String> spendCurrency() {
    return countsSpend() ? Optional.of(spendCurrency) : Optional.empty();
  }

  /** Whether any tier in force can be reached with qualifying spend. */
  public boolean countsSpend() {
    return tiers.stream().anyMatch(t -> t.spendThreshold() != null);
  }

  public QualificationPeriod period() {
    return period;
  }

  public int reviewDropTiers() {
    return reviewDropTiers;
  }

  public int validityPeriods() {
    return validityPeriods;
  }

  /** Every tier, lowest rank first. */
  public List<TierDefinition> tiers() {
    return tiers;
  }

  /** The base tier every member holds without a status (lowest rank). */
  public TierDefinition base() {
    return tiers.get(0);
  }

  public Optional<TierDefinition> find(String code) {
    return tiers.stream().filter(t -> t.code().equals(code)).findFirst();
  }

  /**
   * The tier with this code; an unknown code (a tier no longer in force) counts as the base tier.
   */
  public TierDefinition tierOrBase(String code) {
    return find(code).orElse(base());
  }

  /** The highest periodic tier the period's activity reaches (at least the base tier). */
  public TierDefinition qualifiedFor(Counters inPeriod) {
    TierDefinition best = base();
    for (TierDefinition t : tiers) {
      if (t.reachedBy(inPeriod)) {
        best = t;
      }
    }
    return best;
  }

  /** The highest lifetime tier reached with {@code lifetimeMiles}, if any. */
  public Optional<TierDefinition> lifetimeFor(long lifetimeMiles) {
    return tiers.stream()
        .filter(t -> t.lifetime() && lifetimeMiles >= t.lifetimeMilesThreshold())
        .reduce((a, b) -> b);
  }

  /** What the activity earns: the higher of the period's tier and any lifetime tier. */
  public TierDefinition earned(Counters inPeriod, long lifetimeMiles) {
    TierDefinition periodic = qualifiedFor(inPeriod);
    return lifetimeFor(lifetimeMiles).filter(l -> l.rank() > periodic.rank()).orElse(periodic);
  }

  /**
   * The last day of a status qualified for on {@code day}: the end of the following period; {@code
   * null} (no end) for a lifetime tier and the base tier.
   */
  public LocalDate validUntil(TierDefinition tier, LocalDate day) {
    return tier.lifetime() || tier.rank() == base().rank()
        ? null
        : period.validUntil(day, validityPeriods);
  }

  /**
   * The instant upgrade after qualifying activity was posted on {@code today}: a new status when
   * the activity earns a higher tier than the one held today, or the same periodic tier for longer
   * (requalification extends it). Empty when nothing improves: activity, and so a reversal, never
   * lowers a status here; only the review does.
   */
  public Optional<EarnedStatus> upgrade(
      EarnedStatus current, Counters inPeriod, long lifetimeMiles, LocalDate today) {
    return upgrade(current, inPeriod, lifetimeMiles, today, period.periodEnd(today));
  }

  /**
   * The instant upgrade for the counters of the period ending {@code periodEnd}, which may have
   * ended already (late activity: a December flight credited in January counts for December's
   * year). The status starts {@code today} and ends as one qualified for in that period would; the
   * tier compared with is the one held today or, for an ended period, on its last day (the status
   * the pending review of that period would judge), so late activity that meets that tier's
   * requirement extends it like the review would keep it.
   */
  public Optional<EarnedStatus> upgrade(
      EarnedStatus current,
      Counters inPeriod,
      long lifetimeMiles,
      LocalDate today,
      LocalDate periodEnd) {
    boolean holds =
        current != null
            && (current.holdsOn(today)
                || (periodEnd.isBefore(today) && current.holdsOn(periodEnd)));
    TierDefinition held = holds ? tierOrBase(current.tierCode()) : base();
    TierDefinition target = earned(inPeriod, lifetimeMiles);
    LocalDate until = validUntil(target, periodEnd);
    if (target.rank() > held.rank()) {
      return Optional.of(new EarnedStatus(target.code(), today, until));
    }
    if (target.rank() == held.rank()
        && until != null
        && holds
        && current.validUntil() != null
        && until.isAfter(current.validUntil())) {
      return Optional.of(new EarnedStatus(current.tierCode(), current.since(), until));
    }
    return Optional.empty();
  }

  /**
   * The survivor's earned status after a duplicate was merged into it (ADR 0019): the duplicate's
   * status when it holds a higher tier today than the survivor does (with its own dates), else
   * nothing changes. Activity is combined separately (then {@link #upgrade} may raise it further).
   */
  public Optional<EarnedStatus> afterMerge(
      EarnedStatus survivor, EarnedStatus duplicate, LocalDate today) {
    if (duplicate == null || !duplicate.holdsOn(today)) {
      return Optional.empty();
    }
    TierDefinition held =
        survivor != null && survivor.holdsOn(today) ? tierOrBase(survivor.tierCode()) : base();
    return tierOrBase(duplicate.tierCode()).rank() > held.rank()
        ? Optional.of(duplicate)
        : Optional.empty();
  }

  /**
   * The end of the period whose totals decide an upgrade for activity dated {@code activityDate},
   * seen on {@code today}: the current period when the date is in it; for a calendar-year program,
   * the ended year containing the date while a status qualified for in it would still hold (late
   * activity); else empty (the activity then only counts for the counters and the lifetime). A
   * rolling window has no ended period of its own: today's window already holds every credit of the
   * last 12 months, and an older one upgrades nobody.
   */
  public Optional<LocalDate> periodToCheck(LocalDate activityDate, LocalDate today) {
    YearMonth month = YearMonth.from(activityDate);
    if (!month.isBefore(period.firstMonth(today)) && !month.isAfter(period.lastMonth(today))) {
      return Optional.of(period.periodEnd(today));
    }
    if (period != QualificationPeriod.CALENDAR_YEAR
        || activityDate.isAfter(today)
        || period.validUntil(activityDate, validityPeriods).isBefore(today)) {
      return Optional.empty();
    }
    return Optional.of(period.periodEnd(activityDate));
  }

  /**
   * The tier after the review of a period: lifetime tiers stay; otherwise the tier the period's
   * activity qualifies for if that is at least the current one (keep, or up), else the current tier
   * moved down {@link #reviewDropTiers()} ranks, never below what the activity reaches (soft
   * landing).
   */
  public TierDefinition reviewed(TierDefinition current, Counters inPeriod) {
    if (current.lifetime()) {
      return current;
    }
    TierDefinition qualified = qualifiedFor(inPeriod);
    if (qualified.rank() >= current.rank()) {
      return qualified;
    }
    TierDefinition landing = below(current, reviewDropTiers);
    return landing.rank() > qualified.rank() ? landing : qualified;
  }

  /** The periodic tier {@code steps} ranks below {@code tier} (the base tier at the bottom). */
  public TierDefinition below(TierDefinition tier, int steps) {
    List<TierDefinition> periodic = tiers.stream().filter(t -> !t.lifetime()).toList();
    int at = 0;
    for (int i = 0; i < periodic.size(); i++) {
      if (periodic.get(i).rank() <= tier.rank()) {
        at = i;
      }
    }
    return periodic.get(Math.max(0, at - steps));
  }

  /** The next tier above {@code tier}, if there is one. */
  public Optional<TierDefinition> above(TierDefinition tier) {
    return tiers.stream().filter(t -> t.rank() > tier.rank()).findFirst();
  }

  /**
   * What is still needed to reach {@code target}: miles, flights or spend in the period (any one
   * suffices; spend only when the tier has a spend threshold, else {@code null}; once the spend is
   * met, nothing more is needed on any), or lifetime miles for a lifetime tier (flights and spend
   * then {@code null}).
   */
  public Needed needed(TierDefinition target, Counters inPeriod, long lifetimeMiles) {
    if (target.lifetime()) {
      return new Needed(Math.max(0, target.lifetimeMilesThreshold() - lifetimeMiles), null, null);
    }
    BigDecimal spend =
        target.spendThreshold() == null
            ? null
            : target.spendThreshold().subtract(inPeriod.spend()).max(BigDecimal.ZERO);
    if (spend != null && spend.signum() == 0) {
      return new Needed(0, BigDecimal.ZERO, spend); // met by spend: nothing more is needed
    }
    BigDecimal flights = target.flightsThreshold().subtract(inPeriod.flights());
    return new Needed(
        Math.max(0, target.milesThreshold() - inPeriod.miles()),
        flights.signum() < 0 ? BigDecimal.ZERO : flights,
        spend);
  }

  /** Miles, flights and spend still needed; any one reached is enough. */
  public record Needed(long miles, BigDecimal flights, BigDecimal spend) {
    /** Miles and flights only (a tier without a spend threshold). */
    public Needed(long miles, BigDecimal flights) {
      this(miles, flights, null);
    }
  }
}
