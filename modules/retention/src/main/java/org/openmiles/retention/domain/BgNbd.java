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
    double sum = 0;
    for (ActivityHistory h : histories) {
      sum += logLikelihood(h);
    }
    return sum;
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

  /** The parameters that make {@code histories} most likely, with that log-likelihood. */
  public static Fit fit(List<ActivityHistory> histories) {
    if (histories.isEmpty()) {
      throw new IllegalArgumentException("no histories to fit BG/NBD to");
    }
    double[] best =
        Likelihoods.maximise(
            p -> new BgNbd(p[0], p[1], p[2], p[3]).logLikelihood(histories), new double[4]);
    BgNbd model = new BgNbd(best[0], best[1], best[2], best[3]);
    return new Fit(model, model.logLikelihood(histories));
  }

  /** A fitted model and the log-likelihood of the data it was fitted to. */
  public record Fit(BgNbd model, double logLikelihood) {}
}
