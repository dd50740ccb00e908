package org.openmiles.retention.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BfgsTest {

  /** Rosenbrock's valley: the minimum 0 at (1, 1) at the end of a long curved floor. */
  private static double rosenbrock(double[] x, double[] g) {
    double a = 1 - x[0];
    double b = x[1] - x[0] * x[0];
    g[0] = -2 * a - 400 * x[0] * b;
    g[1] = 200 * b;
    return a * a + 100 * b * b;
  }

  @Test
  void findsTheMinimumAtTheEndOfACurvedValley() {
    Bfgs.Result r = Bfgs.minimise(BfgsTest::rosenbrock, new double[] {-1.2, 1}, 20, 1e-10);
    assertThat(r.at()[0]).isCloseTo(1, within(1e-6));
    assertThat(r.at()[1]).isCloseTo(1, within(1e-6));
    assertThat(r.iterations()).as("quasi-Newton, not a simplex").isLessThan(200);
  }

  @Test
  void aMinimumBeyondTheBoxEndsAtItsBoundWithTheOtherVariablesAtTheirBest() {
    // least at x0 = 50 (outside [-20, 20]) and x1 = 3
    Bfgs.Function f =
        (x, g) -> {
          g[0] = 2 * (x[0] - 50);
          g[1] = 2 * (x[1] - 3);
          return (x[0] - 50) * (x[0] - 50) + (x[1] - 3) * (x[1] - 3);
        };
    Bfgs.Result r = Bfgs.minimise(f, new double[] {0, 0}, 20, 1e-10);
    assertThat(r.at()[0]).isEqualTo(20);
    assertThat(r.at()[1]).isCloseTo(3, within(1e-8));
  }

  @Test
  void aFunctionThatIsUndefinedBeyondAWallIsSearchedOnItsSide() {
    // undefined for x0 > 1 (NaN), least at the wall's near side x0 = 0.9
    Bfgs.Function f =
        (x, g) -> {
          if (x[0] > 1) {
            return Double.NaN;
          }
          g[0] = 2 * (x[0] - 0.9);
          return (x[0] - 0.9) * (x[0] - 0.9);
        };
    Bfgs.Result r = Bfgs.minimise(f, new double[] {-5}, 20, 1e-10);
    assertThat(r.at()[0]).isCloseTo(0.9, within(1e-8));
  }
}
