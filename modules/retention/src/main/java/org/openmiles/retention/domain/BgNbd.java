package org.openmiles.retention.domain;

import java.util.List;

/**
 * The BG/NBD model of Fader, Hardie and Lee (2005): while alive, a member's activities come as a
 * Poisson process whose rate varies across members as Gamma(r, α); after each activity the member
 * drops out with a probability that varies across members as Beta(a, b). Gives P(alive) for a
 * member's history and is fitted by maximum likelihood to the histories of many.
 */
public record BgNbd(double r, double alpha, double a, double b) {

  public BgNbd {
    if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) {
      throw new IllegalArgumentException("BG/NBD parameters must be positive");
    }
  }

  /** The log-likelihood of one member's history under these parameters. */
  public double logLikelihood(ActivityHistory h) {
    int x = h.repeats();
    double a1 = LogGamma.of(r + x) - LogGamma.of(r) + r * Math.log(alpha);
    double a2 = LogGamma.of(a + b) + LogGamma.of(b + x) - LogGamma.of(b) - LogGamma.of(a + b + x);
    double a3 = -(r + x) * Math.log(alpha + h.observedFor());
    if (x == 0) {
      return a1 + a2 + a3;
    }
    double a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + h.lastAt());
    double max = Math.max(a3, a4);
    return a1 + a2 + max + Math.log(Math.exp(a3 - max) + Math.exp(a4 - max));
  }

  /** The log-likelihood of all {@code histories}. */
  public double logLikelihood(List<ActivityHistory> histories) {
    return Likelihoods.sum(histories, this::logLikelihood);
  }

  /**
   * The probability that a member with this history is still active at the end of the window: 1 for
   * a member with no repeat (the model lets members drop out only after an activity), falling as
   * the time since the last activity grows against the member's own pace.
   */
  public double pAlive(ActivityHistory h) {
    int x = h.repeats();
    if (x == 0) {
      return 1;
    }
    double logRatio =
        Math.log(a)
            - Math.log(b + x - 1)
            + (r + x) * (Math.log(alpha + h.observedFor()) - Math.log(alpha + h.lastAt()));
    return 1 / (1 + Math.exp(logRatio));
  }

  /**
   * How many activities a member with this history is expected to have in the next {@code t} (the
   * conditional expectation of Fader, Hardie and Lee 2005, eq. 10). For a &lt; 1, as on CDNOW, both
   * the factor (a+b+x-1)/(a-1) and the bracket are negative; a = 1 exactly needs the formula's
   * limit and is refused.
   */
  public double expectedActivities(ActivityHistory h, double t) {
    return expectedActivitiesIfAlive(h, t) * pAlive(h);
  }

  /**
   * The activities expected in the next {@code t} of a member with this history who is still alive:
   * eq. 10 without its P(alive) factor. It depends on the repeats and the time observed only, not
   * on when the last activity was, so the scoring job computes it once per (repeats, observed for)
   * and multiplies by each history's P(alive).
   */
  public double expectedActivitiesIfAlive(ActivityHistory h, double t) {
    if (a == 1) {
      throw new IllegalStateException(
          "the conditional expectation is the formula's limit at a = 1");
    }
    int x = h.repeats();
    double observed = alpha + h.observedFor();
    double z = t / (observed + t);
    double hyper = Hypergeometric.f21(r + x, b + x, a + b + x - 1, z);
    // the formula's denominator, 1 + [x > 0] a/(b+x-1) ((α+T)/(α+t_x))^(r+x), is 1 / P(alive)
    return (a + b + x - 1) / (a - 1) * (1 - Math.pow(observed / (observed + t), r + x) * hyper);
  }

  /**
   * How many repeat activities a member is expected to have in their first {@code t} after the
   * first one (the unconditional E[X(t)], eq. 9): what the model says about a new member, and,
   * summed over members, about a whole cohort.
   */
  public double expectedRepeats(double t) {
    if (a == 1) {
      throw new IllegalStateException("the expectation is the formula's limit at a = 1");
    }
    double hyper = Hypergeometric.f21(r, b, a + b - 1, t / (alpha + t));
    return (a + b - 1) / (a - 1) * (1 - Math.pow(alpha / (alpha + t), r) * hyper);
  }

  /** The parameters that make {@code histories} most likely, with that log-likelihood. */
  public static Fit fit(List<ActivityHistory> histories) {
    if (histories.isEmpty()) {
      throw new IllegalArgumentException("no histories to fit BG/NBD to");
    }
    return fit(HistoryCounts.ungrouped(histories));
  }

  /**
   * The log-likelihood of grouped histories: each row's log-likelihood times its count, the same
   * sum as over the histories one by one. The terms that depend on the repeats alone (the log-gamma
   * functions) are computed once per number of repeats, not once per row.
   */
  public double logLikelihood(HistoryCounts histories) {
    return logLikelihood(histories, null);
  }

  /**
   * {@link #logLikelihood(HistoryCounts)}, and, unless {@code gradient} is null, its partial
   * derivatives by r, α, a and b written into it. A row's log-likelihood is A₁ + A₂ + ln(e^A₃ +
   * e^A₄) (Fader, Hardie and Lee 2005, eq. 6; no A₄ without repeats); with w = e^A₄ / (e^A₃ +
   * e^A₄), its derivatives are those of A₁ + A₂ plus (1 - w) times those of A₃ plus w times those
   * of A₄, where the digamma function ψ differentiates the log-gamma terms (ADR 0039).
   */
  double logLikelihood(HistoryCounts histories, double[] gradient) {
    int maxX = histories.maxRepeats();
    double[] head = new double[maxX + 1];
    double[] tail = new double[maxX + 1];
    double constant = -LogGamma.of(r) + r * Math.log(alpha) + LogGamma.of(a + b) - LogGamma.of(b);
    double logA = Math.log(a);
    for (int x = 0; x <= maxX; x++) {
      head[x] = constant + LogGamma.of(r + x) + LogGamma.of(b + x) - LogGamma.of(a + b + x);
      tail[x] = x == 0 ? 0 : logA - Math.log(b + x - 1);
    }
    double[] times = histories.times();
    double[] logAlphaPlus = new double[times.length];
    double[] perAlphaPlus = new double[times.length];
    for (int k = 0; k < times.length; k++) {
      logAlphaPlus[k] = Math.log(alpha + times[k]);
      perAlphaPlus[k] = 1 / (alpha + times[k]);
    }
    boolean slopes = gradient != null;
    // per number of repeats: the members with it, and the sums over their rows of w, of the A₃ and
    // A₄ terms' derivatives by r and α weighted by 1 - w and w
    double[] members = slopes ? new double[maxX + 1] : null;
    double[] weight = slopes ? new double[maxX + 1] : null;
    double[] byR = slopes ? new double[maxX + 1] : null;
    double[] byAlpha = slopes ? new double[maxX + 1] : null;
    double sum = 0;
    for (int i = 0; i < histories.rows(); i++) {
      int x = histories.repeats(i);
      long count = histories.count(i);
      int observed = histories.observedForIndex(i);
      double a3 = -(r + x) * logAlphaPlus[observed];
      double ll;
      double w = 0;
      if (x == 0) {
        ll = head[x] + a3;
      } else {
        int last = histories.lastAtIndex(i);
        double a4 = tail[x] - (r + x) * logAlphaPlus[last];
        // log(e^a3 + e^a4), one exp and one log1p; w = e^a4 / (e^a3 + e^a4) from the same exp
        double e = Math.exp(-Math.abs(a3 - a4));
        ll = head[x] + Math.max(a3, a4) + Math.log1p(e);
        if (slopes) {
          w = a4 >= a3 ? 1 / (1 + e) : e / (1 + e);
          weight[x] += w * count;
          byR[x] -= w * count * logAlphaPlus[last];
          byAlpha[x] -= w * count * perAlphaPlus[last];
        }
      }
      if (slopes) {
        members[x] += count;
        byR[x] -= (1 - w) * count * logAlphaPlus[observed];
        byAlpha[x] -= (1 - w) * count * perAlphaPlus[observed];
      }
      sum += ll * count;
    }
    if (slopes) {
      double dr = 0;
      double dAlpha = 0;
      double da = 0;
      double db = 0;
      double psiR = Digamma.of(r);
      double psiB = Digamma.of(b);
      double psiAb = Digamma.of(a + b);
      for (int x = 0; x <= maxX; x++) {
        if (members[x] == 0) {
          continue;
        }
        double psiAbx = Digamma.of(a + b + x);
        dr += members[x] * (Digamma.of(r + x) - psiR + Math.log(alpha)) + byR[x];
        dAlpha += members[x] * r / alpha + (r + x) * byAlpha[x];
        da += members[x] * (psiAb - psiAbx) + weight[x] / a;
        db +=
            members[x] * (psiAb + Digamma.of(b + x) - psiB - psiAbx)
                - (x == 0 ? 0 : weight[x] / (b + x - 1));
      }
      gradient[0] = dr;
      gradient[1] = dAlpha;
      gradient[2] = da;
      gradient[3] = db;
    }
    return sum;
  }

  /**
   * The parameters that make the grouped {@code histories} most likely: the same maximum as {@link
   * #fit(List)} over the histories one by one, found in one pass over the distinct rows per step.
   */
  public static Fit fit(HistoryCounts histories) {
    return fit(histories, null);
  }

  /**
   * {@link #fit(HistoryCounts)} searched from {@code start} (a previous fit; null: from 1, 1, 1,
   * 1): a base that changed a little overnight is fitted in a few steps.
   */
  public static Fit fit(HistoryCounts histories, BgNbd start) {
    if (histories.rows() == 0) {
      throw new IllegalArgumentException("no histories to fit BG/NBD to");
    }
    double[] best =
        Likelihoods.maximise(
            (p, gradient) -> new BgNbd(p[0], p[1], p[2], p[3]).logLikelihood(histories, gradient),
            4,
            start == null ? null : new double[] {start.r(), start.alpha(), start.a(), start.b()},
            histories.members());
    BgNbd model = new BgNbd(best[0], best[1], best[2], best[3]);
    return new Fit(model, model.logLikelihood(histories));
  }

  /**
   * The activities expected in each of {@code steps} steps of {@code stepLength} ahead, discounted
   * by {@code discountPerStep} for every step: the factor that, times the value expected of each
   * activity, is the member's discounted lifetime value ({@link LifetimeValue}). It depends on the
   * history alone, so the scoring job computes it once per distinct history.
   */
  public double discountedActivities(
      ActivityHistory history, int steps, double stepLength, double discountPerStep) {
    return discountedActivitiesIfAlive(history, steps, stepLength, discountPerStep)
        * pAlive(history);
  }

  /**
   * {@link #discountedActivities} without its P(alive) factor (see {@link
   * #expectedActivitiesIfAlive}).
   */
  public double discountedActivitiesIfAlive(
      ActivityHistory history, int steps, double stepLength, double discountPerStep) {
    if (steps < 1 || !(stepLength > 0) || discountPerStep < 0) {
      throw new IllegalArgumentException(
          "a horizon needs steps, a step length and a discount >= 0");
    }
    double total = 0;
    double before = 0;
    for (int k = 1; k <= steps; k++) {
      double upTo = expectedActivitiesIfAlive(history, k * stepLength);
      total += (upTo - before) / Math.pow(1 + discountPerStep, k);
      before = upTo;
    }
    return total;
  }

  /** A fitted model and the log-likelihood of the data it was fitted to. */
  public record Fit(BgNbd model, double logLikelihood) {}
}
