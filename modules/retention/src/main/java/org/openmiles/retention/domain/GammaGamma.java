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
    return fit(SpendCounts.ungrouped(spends));
  }

  /**
   * The log-likelihood of grouped spends: each row's log-likelihood times its count. The log-gamma
   * terms are computed once per number of transactions.
   */
  public double logLikelihood(SpendCounts spends) {
    return logLikelihood(spends, null);
  }

  /**
   * {@link #logLikelihood(SpendCounts)}, and, unless {@code gradient} is null, its partial
   * derivatives by p, q and γ written into it (the digamma function ψ differentiates the log-gamma
   * terms; ADR 0039).
   */
  double logLikelihood(SpendCounts spends, double[] gradient) {
    int maxX = spends.maxTransactions();
    double[] head = new double[maxX + 1];
    double logGamma = Math.log(gamma);
    double constant = -LogGamma.of(q) + q * logGamma;
    for (int x = 1; x <= maxX; x++) {
      double px = p * x;
      head[x] = constant + LogGamma.of(px + q) - LogGamma.of(px) + px * Math.log(x);
    }
    boolean slopes = gradient != null;
    // per number of transactions: the members, and the sums of ln m - ln(γ + x m), of ln(γ + x m)
    // and of 1/(γ + x m) over their rows, each times the row's count
    double[] members = slopes ? new double[maxX + 1] : null;
    double[] logRatio = slopes ? new double[maxX + 1] : null;
    double[] logTotal = slopes ? new double[maxX + 1] : null;
    double[] perTotal = slopes ? new double[maxX + 1] : null;
    double sum = 0;
    for (int i = 0; i < spends.rows(); i++) {
      int x = spends.transactions(i);
      long count = spends.count(i);
      double px = p * x;
      double total = gamma + x * spends.meanValue(i);
      double logT = Math.log(total);
      double ll = head[x] + (px - 1) * spends.logMean(i) - (px + q) * logT;
      sum += ll * count;
      if (slopes) {
        members[x] += count;
        logRatio[x] += count * (spends.logMean(i) - logT);
        logTotal[x] += count * logT;
        perTotal[x] += count / total;
      }
    }
    if (slopes) {
      double dp = 0;
      double dq = 0;
      double dGamma = 0;
      double psiQ = Digamma.of(q);
      for (int x = 1; x <= maxX; x++) {
        if (members[x] == 0) {
          continue;
        }
        double px = p * x;
        double psiPxQ = Digamma.of(px + q);
        dp += x * (members[x] * (psiPxQ - Digamma.of(px) + Math.log(x)) + logRatio[x]);
        dq += members[x] * (psiPxQ - psiQ + logGamma) - logTotal[x];
        dGamma += members[x] * q / gamma - (px + q) * perTotal[x];
      }
      gradient[0] = dp;
      gradient[1] = dq;
      gradient[2] = dGamma;
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
            (v, gradient) -> new GammaGamma(v[0], v[1], v[2]).logLikelihood(spends, gradient),
            3,
            start == null ? null : new double[] {start.p(), start.q(), start.gamma()},
            spends.members());
    GammaGamma model = new GammaGamma(best[0], best[1], best[2]);
    return new Fit(model, model.logLikelihood(spends));
  }

  /** A fitted model and the log-likelihood of the data it was fitted to. */
  public record Fit(GammaGamma model, double logLikelihood) {}
}
