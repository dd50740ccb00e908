package org.openmiles.retention.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the scoring job is configured with ({@code openmiles.retention.*}, docs/retention.md), each
 * value checked here so that a bad setting stops the start with a sentence naming the property, not
 * a run in the night.
 *
 * @param windowMonths the RFM window: frequency and monetary count the activity days of the last
 *     this many months before the scoring date (1 to 60)
 * @param mileValue the value of a mile earned on a day without known revenue, in the program
 *     currency: such a day counts miles × this as its revenue (>= 0)
 * @param discountRate the yearly discount rate of CLV (0 to 1)
 * @param clvMonths the CLV horizon in months (1 to 120), summed month by month
 * @param churn the churn-risk rules and their thresholds
 * @param expiryWindowDays miles expiring within this many days are a churn reason (1 to 365)
 * @param segments the RFM segment map
 * @param staleMinutes a run without progress for this long is taken as abandoned (node died)
 */
public record ScoringSettings(
    int windowMonths,
    BigDecimal mileValue,
    double discountRate,
    int clvMonths,
    ChurnRules churn,
    int expiryWindowDays,
    RfmSegments segments,
    int staleMinutes) {

  public ScoringSettings {
    require(
        windowMonths >= 1 && windowMonths <= 60, "openmiles.retention.window-months", "1 to 60");
    require(mileValue != null && mileValue.signum() >= 0, "openmiles.retention.mile-value", ">= 0");
    require(
        discountRate >= 0 && discountRate <= 1, "openmiles.retention.clv.discount-rate", "0 to 1");
    require(clvMonths >= 1 && clvMonths <= 120, "openmiles.retention.clv.months", "1 to 120");
    require(churn != null, "openmiles.retention.churn.*", "set");
    require(
        expiryWindowDays >= 1 && expiryWindowDays <= 365,
        "openmiles.retention.churn.expiry-days",
        "1 to 365");
    require(segments != null, "openmiles.retention.segments", "set");
    require(staleMinutes >= 1, "openmiles.retention.stale-minutes", ">= 1");
  }

  /** The defaults, as docs/retention.md lists them. */
  public static ScoringSettings defaults() {
    return new ScoringSettings(
        12,
        new BigDecimal("0.01"),
        0.10,
        36,
        new ChurnRules(0.3, 3.0, 30, 90),
        90,
        RfmSegments.STANDARD,
        30);
  }

  /** The monthly discount equivalent to the yearly rate. */
  public double monthlyDiscount() {
    return Math.pow(1 + discountRate, 1.0 / 12) - 1;
  }

  private static void require(boolean ok, String property, String range) {
    if (!ok) {
      throw new IllegalArgumentException(property + " must be " + range);
    }
  }

  /**
   * Reads a segment map: rules separated by {@code ;}, each {@code Name:R1-R2:FM1-FM2} (recency
   * scores R1 to R2, frequency-monetary scores FM1 to FM2), first match wins, e.g. {@code
   * Champions:5-5:4-5;Loyal:3-4:4-5;...}. Refused, naming the rule, when a rule does not read or
   * the rules leave a pair of scores without a segment.
   */
  public static RfmSegments parseSegments(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("openmiles.retention.segments is empty");
    }
    List<RfmSegments.Rule> rules = new ArrayList<>();
    for (String part : spec.split(";")) {
      String text = part.trim();
      if (text.isEmpty()) {
        continue;
      }
      String[] f = text.split(":");
      try {
        if (f.length != 3) {
          throw new IllegalArgumentException("needs Name:R1-R2:FM1-FM2");
        }
        int[] r = range(f[1]);
        int[] fm = range(f[2]);
        rules.add(new RfmSegments.Rule(f[0].trim(), r[0], r[1], fm[0], fm[1]));
      } catch (IllegalArgumentException bad) {
        throw new IllegalArgumentException(
            "openmiles.retention.segments: rule '" + text + "': " + bad.getMessage(), bad);
      }
    }
    for (RfmSegments.Rule rule : rules) {
      if (rule.segment().length() > 30) {
        throw new IllegalArgumentException(
            "openmiles.retention.segments: the name '"
                + rule.segment()
                + "' is over 30 characters");
      }
    }
    try {
      return new RfmSegments(rules);
    } catch (IllegalArgumentException gap) {
      throw new IllegalArgumentException("openmiles.retention.segments: " + gap.getMessage(), gap);
    }
  }

  /** The map as {@link #parseSegments} reads it. */
  public static String format(RfmSegments segments) {
    StringBuilder out = new StringBuilder();
    for (RfmSegments.Rule r : segments.rules()) {
      out.append(out.length() == 0 ? "" : ";")
          .append(
              String.format(
                  Locale.ROOT,
                  "%s:%d-%d:%d-%d",
                  r.segment(),
                  r.rFrom(),
                  r.rTo(),
                  r.fmFrom(),
                  r.fmTo()));
    }
    return out.toString();
  }

  private static int[] range(String text) {
    String[] ends = text.trim().split("-");
    if (ends.length != 2) {
      throw new IllegalArgumentException("'" + text + "' is not a range like 1-2");
    }
    try {
      return new int[] {Integer.parseInt(ends[0].trim()), Integer.parseInt(ends[1].trim())};
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a range like 1-2", e);
    }
  }
}
