package org.openmiles.retention.domain;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Maximum likelihood over positive parameters from the log-likelihood and its gradient: the search
 * runs on the parameters' logarithms (so every step stays positive) by {@link Bfgs} (ADR 0039).
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
   * Parameters are searched within exp(±{@value #LOG_BOUND}): beyond, the model has degenerated.
   */
  static final double LOG_BOUND = 20;

  /**
   * The search stops when no parameter's share of the mean log-likelihood per member changes by
   * more than this for a relative change of the parameter (the gradient in logarithms).
   */
  static final double TOLERANCE = 1e-9;

  /** A log-likelihood with its gradient: returns its value and writes ∂ll/∂parameter. */
  @FunctionalInterface
  interface Differentiable {
    double at(double[] params, double[] gradient);
  }

  /**
   * The positive parameters that maximise {@code logLikelihood}, a log-likelihood of {@code
   * members} members, searched from {@code start} (null: every parameter 1). The search minimises
   * the mean negative log-likelihood per member, so its tolerance means the same for a hundred
   * members as for a million; it stays within {@link #LOG_BOUND}, so data that drives a parameter
   * to 0 or infinity (no drop-out seen, say) ends at the bound instead of walking there for ever.
   */
  static double[] maximise(
      Differentiable logLikelihood, int parameters, double[] start, double members) {
    double scale = Math.max(1, members);
    double[] params = new double[parameters];
    double[] gradient = new double[parameters];
    Bfgs.Function cost =
        (logs, out) -> {
          for (int i = 0; i < logs.length; i++) {
            params[i] = Math.exp(logs[i]);
          }
          double ll;
          try {
            ll = logLikelihood.at(params, gradient);
          } catch (IllegalArgumentException outOfRange) { // a parameter underflowed to 0
            return Double.NaN;
          }
          for (int i = 0; i < logs.length; i++) {
            out[i] = -gradient[i] * params[i] / scale; // d/d log p = p d/dp
            if (!Double.isFinite(out[i])) {
              return Double.NaN;
            }
          }
          return -ll / scale;
        };
    double[] logStart = new double[parameters];
    if (start != null) {
      for (int i = 0; i < parameters; i++) {
        logStart[i] = Math.log(start[i]);
      }
    }
    double[] at = Bfgs.minimise(cost, logStart, LOG_BOUND, TOLERANCE).at();
    double[] best = new double[parameters];
    for (int i = 0; i < parameters; i++) {
      best[i] = Math.exp(at[i]);
    }
    return best;
  }
}
