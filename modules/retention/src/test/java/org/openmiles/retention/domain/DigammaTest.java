package org.openmiles.retention.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DigammaTest {
  private static final double EULER = 0.5772156649015329;

  @Test
  void matchesKnownValues() {
    assertThat(Digamma.of(1)).isCloseTo(-EULER, within(1e-12));
    assertThat(Digamma.of(0.5)).isCloseTo(-EULER - 2 * Math.log(2), within(1e-12));
    // ψ(n) = -γ + 1 + 1/2 + ... + 1/(n-1)
    double harmonic = 0;
    for (int k = 1; k < 10; k++) {
      harmonic += 1.0 / k;
    }
    assertThat(Digamma.of(10)).isCloseTo(-EULER + harmonic, within(1e-12));
    assertThat(Digamma.of(1e-9)).isCloseTo(-1e9 - EULER, within(1e-3));
  }

  @Test
  void isTheSlopeOfLogGamma() {
    for (double x : new double[] {0.07, 0.8, 2.5, 6, 17.3, 480, 2.2e5}) {
      double h = 1e-5 * x;
      double slope = (LogGamma.of(x + h) - LogGamma.of(x - h)) / (2 * h);
      assertThat(Digamma.of(x)).as("ψ(%s)", x).isCloseTo(slope, within(1e-6 * Math.max(1, x)));
    }
  }

  @Test
  void refusesNonPositiveArguments() {
    assertThatThrownBy(() -> Digamma.of(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Digamma.of(-1.5)).isInstanceOf(IllegalArgumentException.class);
  }
}
