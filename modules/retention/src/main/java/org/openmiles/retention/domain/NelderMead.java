package org.openmiles.retention.domain;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.ToDoubleFunction;

/**
 * Minimises a function of a few variables without derivatives (Nelder and Mead's simplex, with the
 * usual reflection 1, expansion 2, contraction ½ and shrink ½). Enough for maximum-likelihood fits
 * of three or four parameters, which the retention models are; stops when the simplex's values
 * differ by less than {@code tolerance} or after {@code maxIterations}.
 */
final class NelderMead {
  private NelderMead() {}

  /** The point where {@code f} is least, starting around {@code start} with steps {@code step}. */
  static double[] minimise(
      ToDoubleFunction<double[]> f,
      double[] start,
      double step,
      double tolerance,
      int maxIterations) {
    int n = start.length;
    double[][] simplex = new double[n + 1][];
    double[] values = new double[n + 1];
    simplex[0] = start.clone();
    for (int i = 0; i < n; i++) {
      double[] p = start.clone();
      p[i] += step;
      simplex[i + 1] = p;
    }
    for (int i = 0; i <= n; i++) {
      values[i] = f.applyAsDouble(simplex[i]);
    }
    for (int iteration = 0; iteration < maxIterations; iteration++) {
      Integer[] order = new Integer[n + 1];
      for (int i = 0; i <= n; i++) {
        order[i] = i;
      }
      final double[] v = values;
      Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
      double[][] s = new double[n + 1][];
      double[] sv = new double[n + 1];
      for (int i = 0; i <= n; i++) {
        s[i] = simplex[order[i]];
        sv[i] = values[order[i]];
      }
      simplex = s;
      values = sv;
      if (Math.abs(values[n] - values[0]) < tolerance) {
        break;
      }
      double[] centroid = new double[n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          centroid[j] += simplex[i][j] / n;
        }
      }
      double[] reflected = towards(centroid, simplex[n], -1);
      double fr = f.applyAsDouble(reflected);
      if (fr < values[0]) {
        double[] expanded = towards(centroid, simplex[n], -2);
        double fe = f.applyAsDouble(expanded);
        if (fe < fr) {
          simplex[n] = expanded;
          values[n] = fe;
        } else {
          simplex[n] = reflected;
          values[n] = fr;
        }
      } else if (fr < values[n - 1]) {
        simplex[n] = reflected;
        values[n] = fr;
      } else {
        double[] contracted =
            fr < values[n] ? towards(centroid, reflected, 0.5) : towards(centroid, simplex[n], 0.5);
        double fc = f.applyAsDouble(contracted);
        if (fc < Math.min(fr, values[n])) {
          simplex[n] = contracted;
          values[n] = fc;
        } else {
          for (int i = 1; i <= n; i++) {
            simplex[i] = towards(simplex[0], simplex[i], 0.5);
            values[i] = f.applyAsDouble(simplex[i]);
          }
        }
      }
    }
    int best = 0;
    for (int i = 1; i <= n; i++) {
      if (values[i] < values[best]) {
        best = i;
      }
    }
    return simplex[best];
  }

  /** {@code from + k (to - from)}. */
  private static double[] towards(double[] from, double[] to, double k) {
    double[] p = new double[from.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = from[i] + k * (to[i] - from[i]);
    }
    return p;
  }
}
