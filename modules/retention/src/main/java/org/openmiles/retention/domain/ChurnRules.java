package org.openmiles.retention.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The churn-risk rules, each giving a {@link ChurnReason} or nothing: P(alive) below a threshold; a
 * gap since the last activity well beyond the member's own usual gap between activities; a tier
 * that ends soon with the requirement to keep it not met; miles that expire soon. Pure functions of
 * the figures, so the scoring job applies the first two once per distinct history and the other two
 * to what the tiers and redemption modules report.
 */
public record ChurnRules(
    double pAliveThreshold, double gapFactor, int minGapDays, int tierWindowDays) {

  public ChurnRules {
    if (!(pAliveThreshold > 0 && pAliveThreshold < 1)) {
      throw new IllegalArgumentException("the P(alive) threshold must be between 0 and 1");
    }
    if (!(gapFactor > 1)) {
      throw new IllegalArgumentException("the gap factor must be above 1");
    }
    if (minGapDays < 1 || tierWindowDays < 0) {
      throw new IllegalArgumentException("the minimum gap must be >= 1 day, the tier window >= 0");
    }
  }

  /** The reasons that follow from a member's history and P(alive) alone. */
  public List<ChurnReason> fromHistory(double pAlive, int repeats, int lastAtDays, int ageDays) {
    List<ChurnReason> out = new ArrayList<>(2);
    pAlive(pAlive).ifPresent(out::add);
    gap(repeats, lastAtDays, ageDays).ifPresent(out::add);
    return out;
  }

  /** P(alive) below the threshold. */
  public Optional<ChurnReason> pAlive(double pAlive) {
    if (pAlive >= pAliveThreshold) {
      return Optional.empty();
    }
    return Optional.of(
        new ChurnReason(
            ChurnReason.P_ALIVE_LOW,
            "Probably no longer active: P(alive) "
                + fixed(pAlive, 2)
                + ", below the threshold "
                + fixed(pAliveThreshold, 2)
                + "."));
  }

  /**
   * The days since the last activity ({@code ageDays - lastAtDays}) beyond {@code gapFactor} times
   * the member's usual gap ({@code lastAtDays / repeats}, the mean time between their activities)
   * and at least {@code minGapDays}. A member with no repeat has no usual gap: no reason.
   */
  public Optional<ChurnReason> gap(int repeats, int lastAtDays, int ageDays) {
    if (repeats < 1) {
      return Optional.empty();
    }
    int silent = ageDays - lastAtDays;
    double usual = (double) lastAtDays / repeats;
    if (silent < minGapDays || silent <= gapFactor * usual) {
      return Optional.empty();
    }
    // distinct days: lastAtDays >= repeats, so the usual gap is at least a day
    return Optional.of(
        new ChurnReason(
            ChurnReason.RECENCY_GAP,
            "No activity for "
                + silent
                + " days, "
                + fixed(silent / usual, 1)
                + "× their usual "
                + fixed(usual, 0)
                + " days between activities."));
  }

  /**
   * A tier above the base that ends within {@code tierWindowDays} of {@code asOf} while something
   * is still needed to keep it ({@code milesNeeded > 0} and, where counted, flights and spend too).
   */
  public Optional<ChurnReason> tierAtRisk(
      String tierName,
      LocalDate validUntil,
      LocalDate asOf,
      long milesNeeded,
      BigDecimal flightsNeeded,
      BigDecimal spendNeeded,
      String spendCurrency) {
    if (validUntil == null || validUntil.isBefore(asOf) || milesNeeded <= 0) {
      return Optional.empty();
    }
    if (ChronoUnit.DAYS.between(asOf, validUntil) > tierWindowDays) {
      return Optional.empty();
    }
    StringBuilder needs =
        new StringBuilder(String.format(Locale.ROOT, "%,d qualifying miles", milesNeeded));
    if (flightsNeeded != null && flightsNeeded.signum() > 0) {
      needs
          .append(" or ")
          .append(flightsNeeded.stripTrailingZeros().toPlainString())
          .append(" flights");
    }
    if (spendNeeded != null && spendNeeded.signum() > 0 && spendCurrency != null) {
      needs
          .append(" or ")
          .append(spendNeeded.stripTrailingZeros().toPlainString())
          .append(' ')
          .append(spendCurrency)
          .append(" qualifying spend");
    }
    return Optional.of(
        new ChurnReason(
            ChurnReason.TIER_AT_RISK,
            "Holds "
                + tierName
                + " until "
                + validUntil
                + " and still needs "
                + needs
                + " to keep it."));
  }

  /**
   * {@code value} with {@code decimals} decimals, rounded half up, as {@code %.Nf} prints it: the
   * scoring job writes these sentences for hundreds of thousands of histories, and {@code
   * String.format} took seconds of it (ADR 0039).
   */
  static String fixed(double value, int decimals) {
    return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
  }

  /** Miles that expire soon: how many, from when, and why (fixed term or inactivity). */
  public ChurnReason milesExpiring(long miles, LocalDate firstExpiry, String why) {
    String cause =
        "INACTIVITY".equals(why)
            ? "for inactivity"
            : "FIXED_TERM".equals(why) ? "at the end of their term" : why;
    return new ChurnReason(
        ChurnReason.MILES_EXPIRING,
        String.format(Locale.ROOT, "%,d miles expire from %s %s.", miles, firstExpiry, cause));
  }
}
