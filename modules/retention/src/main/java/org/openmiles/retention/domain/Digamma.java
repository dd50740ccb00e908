package org.openmiles.retention.domain;

/**
 * The digamma function ψ(x) = d/dx ln Γ(x) for positive arguments: the recurrence ψ(x) = ψ(x + 1) -
 * 1/x up to x ≥ 10, then the asymptotic series to x⁻¹⁰ (absolute error below 1e-13 there). The
 * gradients of the models' log-likelihoods are made of it, as their values are made of {@link
 * LogGamma}.
 */
public final class Digamma {
  private static final double FROM = 10;

  private Digamma() {}

  /** ψ(x) for x &gt; 0. */
  public static double of(double x) {
    if (!(x > 0)) {
      throw new IllegalArgumentException("ψ is used for positive arguments only, not " + x);
    }
    double shift = 0;
    while (x < FROM) {
      shift -= 1 / x;
      x += 1;
    }
    double f = 1 / (x * x);
    double series =
        f * (1 / 12.0 - f * (1 / 120.0 - f * (1 / 252.0 - f * (1 / 240.0 - f / 132.0))));
    return shift + Math.log(x) - 0.5 / x - series;
  }
}
