package org.openmiles.retention.domain;

/**
 * Minimises a smooth function of a few variables within a box, from its value and gradient: the
 * BFGS quasi-Newton method (an inverse-Hessian estimate updated from each step's change of
 * gradient) with a backtracking line search, projected onto the box (a variable at a bound that the
 * gradient pushes outwards stays there). Converges in tens of iterations on the retention models'
 * three or four parameters, where a simplex without gradients needed thousands of evaluations (ADR
 * 0039).
 */
final class Bfgs {
  /** The function to minimise: returns its value at {@code x} and writes its gradient. */
  @FunctionalInterface
  interface Function {
    double at(double[] x, double[] gradient);
  }

  /** Where the search ended, its value, and how many iterations and evaluations it took. */
  record Result(double[] at, double value, int iterations, int evaluations) {}

  private static final double ARMIJO = 1e-4;
  private static final int MAX_ITERATIONS = 1_000;
  private static final int MAX_BACKTRACKS = 60;

  /** The largest first move of any variable: the start may be far from the minimum. */
  private static final double FIRST_MOVE = 0.5;

  /** The largest move of any variable in one step. */
  private static final double MAX_MOVE = 5;

  private Bfgs() {}

  /**
   * The point within [-bound, bound]ⁿ where {@code f} is least, from {@code start}; stops when no
   * variable's projected gradient exceeds {@code gradientTolerance}, or when a step no longer
   * lowers the value.
   */
  static Result minimise(Function f, double[] start, double bound, double gradientTolerance) {
    int n = start.length;
    double[] x = clamp(start.clone(), bound);
    double[] g = new double[n];
    double fx = f.at(x, g);
    int evaluations = 1;
    if (!Double.isFinite(fx)) {
      throw new IllegalArgumentException("the function is not finite at the start " + fx);
    }
    double[][] h = identity(n);
    boolean fresh = true; // h is the identity: the first step's length is bounded by FIRST_MOVE
    int iteration = 0;
    double[] trial = new double[n];
    double[] gTrial = new double[n];
    for (; iteration < MAX_ITERATIONS; iteration++) {
      boolean[] held = held(x, g, bound);
      if (projectedNorm(g, held) <= gradientTolerance) {
        break;
      }
      double[] d = direction(h, g, held);
      double slope = dot(g, d);
      if (!(slope < 0)) { // the estimate lost its way: start again from steepest descent
        h = identity(n);
        fresh = true;
        d = direction(h, g, held);
        slope = dot(g, d);
      }
      double longest = 0;
      for (double v : d) {
        longest = Math.max(longest, Math.abs(v));
      }
      double t = Math.min(1, (fresh ? FIRST_MOVE : MAX_MOVE) / longest);
      double fTrial = Double.NaN;
      boolean accepted = false;
      for (int k = 0; k < MAX_BACKTRACKS; k++) {
        for (int i = 0; i < n; i++) {
          trial[i] = x[i] + t * d[i];
        }
        clamp(trial, bound);
        fTrial = f.at(trial, gTrial);
        evaluations++;
        double moved = 0;
        for (int i = 0; i < n; i++) {
          moved += g[i] * (trial[i] - x[i]);
        }
        if (Double.isFinite(fTrial) && fTrial <= fx + ARMIJO * moved) {
          accepted = true;
          break;
        }
        t = shorter(t, slope, fTrial - fx);
      }
      if (!accepted || !(fx - fTrial > 1e-15 * Math.max(1, Math.abs(fx)))) {
        if (fresh) {
          break; // not even steepest descent lowers the value: as low as it gets
        }
        h = identity(n);
        fresh = true;
        if (accepted) {
          x = trial.clone();
          g = gTrial.clone();
          fx = fTrial;
        }
        continue;
      }
      double[] s = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        s[i] = trial[i] - x[i];
        y[i] = gTrial[i] - g[i];
      }
      double sy = dot(s, y);
      if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
        if (fresh) { // scale the identity to the curvature seen (Nocedal and Wright, 6.20)
          double scale = sy / dot(y, y);
          for (int i = 0; i < n; i++) {
            h[i][i] = scale;
          }
        }
        update(h, s, y, sy);
        fresh = false;
      }
      System.arraycopy(trial, 0, x, 0, n);
      System.arraycopy(gTrial, 0, g, 0, n);
      fx = fTrial;
    }
    return new Result(x.clone(), fx, iteration, evaluations);
  }

  /**
   * The next step length after {@code t} failed: the minimum of the parabola through the value at
   * 0, its slope there and the change {@code rise} at t, kept within a tenth and a half of t (a
   * tenth where the value was not finite).
   */
  private static double shorter(double t, double slope, double rise) {
    if (!Double.isFinite(rise)) {
      return 0.1 * t;
    }
    double best = -slope * t * t / (2 * (rise - slope * t));
    return Math.max(0.1 * t, Math.min(0.5 * t, best));
  }

  /** The variables at a bound that the gradient pushes outwards: they do not move. */
  private static boolean[] held(double[] x, double[] g, double bound) {
    boolean[] held = new boolean[x.length];
    for (int i = 0; i < x.length; i++) {
      held[i] = (x[i] >= bound && g[i] < 0) || (x[i] <= -bound && g[i] > 0);
    }
    return held;
  }

  private static double projectedNorm(double[] g, boolean[] held) {
    double max = 0;
    for (int i = 0; i < g.length; i++) {
      if (!held[i]) {
        max = Math.max(max, Math.abs(g[i]));
      }
    }
    return max;
  }

  /** -H g over the free variables, 0 for the held ones. */
  private static double[] direction(double[][] h, double[] g, boolean[] held) {
    int n = g.length;
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      if (held[i]) {
        continue;
      }
      double sum = 0;
      for (int j = 0; j < n; j++) {
        if (!held[j]) {
          sum -= h[i][j] * g[j];
        }
      }
      d[i] = sum;
    }
    return d;
  }

  /** H ← (I - ρsyᵀ) H (I - ρysᵀ) + ρssᵀ, ρ = 1/(yᵀs). */
  private static void update(double[][] h, double[] s, double[] y, double sy) {
    int n = s.length;
    double rho = 1 / sy;
    double[] hy = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        hy[i] += h[i][j] * y[j];
      }
    }
    double yhy = dot(y, hy);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        h[i][j] += rho * ((1 + rho * yhy) * s[i] * s[j] - hy[i] * s[j] - s[i] * hy[j]);
      }
    }
  }

  private static double[] clamp(double[] x, double bound) {
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.max(-bound, Math.min(bound, x[i]));
    }
    return x;
  }

  private static double[][] identity(int n) {
    double[][] h = new double[n][n];
    for (int i = 0; i < n; i++) {
      h[i][i] = 1;
    }
    return h;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
