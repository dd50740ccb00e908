package org.openmiles.retention.domain;

/** Gauss's hypergeometric function, by its series, for the models' arguments. */
final class Hypergeometric {
  private Hypergeometric() {}

  /**
   * ₂F₁(a, b; c; z) for 0 ≤ z &lt; 1 and positive a, b, c: the sum of (a)ₖ(b)ₖ/(c)ₖ zᵏ/k! until a
   * term adds less than 1e-15 of the sum. The models call it with z = t/(α + T + t), well below 1
   * for the horizons they are asked about.
   */
  static double f21(double a, double b, double c, double z) {
    if (!(z >= 0 && z < 1)) {
      throw new IllegalArgumentException("the series is used for 0 <= z < 1 only, not " + z);
    }
    double term = 1;
    double sum = 1;
    for (int k = 0; k < 100_000; k++) {
      term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
      sum += term;
      if (Math.abs(term) < 1e-15 * Math.abs(sum)) {
        return sum;
      }
    }
    throw new ArithmeticException("2F1 did not converge for z = " + z);
  }
}
