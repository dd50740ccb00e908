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
   * Parameters are searched within exp(±{@value #LOG_BOUND}): beyond, the model has degenerated.
   */
  static final double LOG_BOUND = 20;

  /**
   * The positive parameters that maximise {@code logLikelihood}, searched from {@code
   * exp(logStart)} (zeros: every parameter 1).
   */
  static double[] maximise(ToDoubleFunction<double[]> logLikelihood, double[] logStart) {
    return maximise(logLikelihood, logStart, 1, 1.0);
  }

  /**
   * The same for a log-likelihood of {@code members} members, searched from {@code exp(logStart)}
   * with a first simplex of {@code firstStep} in log space (smaller from a previous fit's
   * parameters). The search minimises the mean negative log-likelihood per member, so its tolerance
   * means the same for a hundred members as for a million; it stays within {@link #LOG_BOUND}, so
   * data that drives a parameter to 0 or infinity (no drop-out seen, say) ends at the bound instead
   * of walking there for ever.
   */
  static double[] maximise(
      ToDoubleFunction<double[]> logLikelihood,
      double[] logStart,
      double members,
      double firstStep) {
    double scale = Math.max(1, members);
    ToDoubleFunction<double[]> cost =
        logs -> {
          double[] params = new double[logs.length];
          for (int i = 0; i < logs.length; i++) {
            if (!(Math.abs(logs[i]) <= LOG_BOUND)) {
              return Double.MAX_VALUE;
            }
            params[i] = Math.exp(logs[i]);
          }
          try {
            double ll = logLikelihood.applyAsDouble(params);
            return Double.isFinite(ll) ? -ll / scale : Double.MAX_VALUE;
          } catch (IllegalArgumentException outOfRange) { // a parameter underflowed to 0
            return Double.MAX_VALUE;
          }
        };
    double[] at = logStart.clone();
    double last = cost.applyAsDouble(at);
    for (int restart = 0; restart < 20; restart++) {
      at = NelderMead.minimise(cost, at, restart == 0 ? firstStep : 0.1, 1e-10, 20_000);
      double now = cost.applyAsDouble(at);
      if (last - now < 1e-9 / scale) {
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

  /** The logarithms of {@code params}, a search's start; zeros where there is no start. */
  static double[] logs(double... params) {
    double[] out = new double[params.length];
    for (int i = 0; i < params.length; i++) {
      out[i] = Math.log(params[i]);
    }
    return out;
  }
}
