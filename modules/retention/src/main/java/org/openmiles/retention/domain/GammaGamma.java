package org.openmiles.retention.domain;

import java.util.List;

/**
 * The Gamma-Gamma spend model (Fader, Hardie and Lee 2005, after Colombo and Jiang): each of a
 * member's transactions is worth Gamma(p, ν), and ν varies across members as Gamma(q, γ), so a
 * member's mean spend over their repeat transactions is shrunk towards the population's mean by how
 * few they are. Independent of BG/NBD's counts; the two together give a member's value.
 */
public record GammaGamma(double p, double q, double gamma) {

  public GammaGamma {
    if (!(p > 0 && q > 0 && gamma > 0)) {
      throw new IllegalArgumentException("Gamma-Gamma parameters must be positive");
    }
  }

  /** A member's repeat transactions: how many, and their mean value (both positive). */
  public record Spend(int transactions, double meanValue) {
    public Spend {
      if (transactions < 1 || !(meanValue > 0)) {
        throw new IllegalArgumentException("spend needs transactions and a positive mean value");
      }
    }
  }

  /** The log-likelihood of one member's mean spend under these parameters. */
  public double logLikelihood(Spend s) {
    double px = p * s.transactions();
    return LogGamma.of(px + q)
        - LogGamma.of(px)
        - LogGamma.of(q)
        + q * Math.log(gamma)
        + (px - 1) * Math.log(s.meanValue())
        + px * Math.log(s.transactions())
        - (px + q) * Math.log(gamma + s.transactions() * s.meanValue());
  }

  /** The log-likelihood of every member's mean spend. */
  public double logLikelihood(List<Spend> spends) {
    return Likelihoods.sum(spends, this::logLikelihood);
  }

  /** The population's mean transaction value, {@code pγ/(q-1)} (defined for q &gt; 1). */
  public double populationMeanValue() {
    return p * gamma / (q - 1);
  }

  /**
   * The value expected of a member's next transaction given their history: their own mean, weighted
   * by how many transactions it rests on, against the {@link #populationMeanValue()}.
   */
  public double expectedValue(Spend s) {
    double px = p * s.transactions();
    return p * (gamma + s.transactions() * s.meanValue()) / (px + q - 1);
  }

  /** The parameters that make {@code spends} most likely, with that log-likelihood. */
  public static Fit fit(List<Spend> spends) {
    if (spends.isEmpty()) {
      throw new IllegalArgumentException("no spends to fit Gamma-Gamma to");
    }
    double[] best =
        Likelihoods.maximise(
            v -> new GammaGamma(v[0], v[1], v[2]).logLikelihood(spends), new double[3]);
    GammaGamma model = new GammaGamma(best[0], best[1], best[2]);
    return new Fit(model, model.logLikelihood(spends));
  }

  /**
   * The log-likelihood of grouped spends: each row's log-likelihood times its count. The log-gamma
   * terms are computed once per number of transactions.
   */
  public double logLikelihood(SpendCounts spends) {
    int maxX = spends.maxTransactions();
    double[] head = new double[maxX + 1];
    double constant = -LogGamma.of(q) + q * Math.log(gamma);
    for (int x = 1; x <= maxX; x++) {
      double px = p * x;
      head[x] = constant + LogGamma.of(px + q) - LogGamma.of(px) + px * Math.log(x);
    }
    double sum = 0;
    for (int i = 0; i < spends.rows(); i++) {
      int x = spends.transactions(i);
      double px = p * x;
      double ll =
          head[x]
              + (px - 1) * spends.logMean(i)
              - (px + q) * Math.log(gamma + x * spends.meanValue(i));
      sum += ll * spends.count(i);
    }
    return sum;
  }

  /** The parameters that make the grouped {@code spends} most likely. */
  public static Fit fit(SpendCounts spends) {
    return fit(spends, null);
  }

  /** {@link #fit(SpendCounts)} searched from {@code start} (a previous fit; null: from 1, 1, 1). */
  public static Fit fit(SpendCounts spends, GammaGamma start) {
    if (spends.rows() == 0) {
      throw new IllegalArgumentException("no spends to fit Gamma-Gamma to");
    }
    double[] best =
        Likelihoods.maximise(
            v -> new GammaGamma(v[0], v[1], v[2]).logLikelihood(spends),
            start == null ? new double[3] : Likelihoods.logs(start.p(), start.q(), start.gamma()),
            spends.members(),
            start == null ? 1.0 : 0.1);
    GammaGamma model = new GammaGamma(best[0], best[1], best[2]);
    return new Fit(model, model.logLikelihood(spends));
  }

  /** A fitted model and the log-likelihood of the data it was fitted to. */
  public record Fit(GammaGamma model, double logLikelihood) {}
}
