package org.openmiles.retention.domain;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Maximum likelihood over positive parameters: the search runs on their logarithms (so every step
 * stays positive), by {@link NelderMead}, restarted from its own result until a restart gains
 * nothing (a simplex can stall on a ridge before the optimum).
 */
final class Likelihoods {
  private Likelihoods() {}

  /** The sum of {@code logLikelihood} over {@code items}: the log-likelihood of them all. */
  static <T> double sum(List<T> items, ToDoubleFunction<T> logLikelihood) {
    double sum = 0;
    for (T item : items) {
      sum += logLikelihood.applyAsDouble(item);
    }
    return sum;
  }

  /**
   * The positive parameters that maximise {@code logLikelihood}, searched from {@code
   * exp(logStart)} (zeros: every parameter 1).
   */
  static double[] maximise(ToDoubleFunction<double[]> logLikelihood, double[] logStart) {
    ToDoubleFunction<double[]> cost =
        logs -> {
          double[] params = new double[logs.length];
          for (int i = 0; i < logs.length; i++) {
            params[i] = Math.exp(logs[i]);
          }
          try {
            double ll = logLikelihood.applyAsDouble(params);
            return Double.isFinite(ll) ? -ll : Double.MAX_VALUE;
          } catch (IllegalArgumentException outOfRange) { // a parameter underflowed to 0
            return Double.MAX_VALUE;
          }
        };
    double[] at = logStart.clone();
    double last = cost.applyAsDouble(at);
    for (int restart = 0; restart < 20; restart++) {
      at = NelderMead.minimise(cost, at, restart == 0 ? 1.0 : 0.1, 1e-10, 20_000);
      double now = cost.applyAsDouble(at);
      if (last - now < 1e-9) {
        break;
      }
      last = now;
    }
    double[] params = new double[at.length];
    for (int i = 0; i < at.length; i++) {
      params[i] = Math.exp(at[i]);
    }
    return params;
  }
}
