package org.openmiles.retention.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BgNbdTest {
  private static final BgNbd CDNOW = new BgNbd(0.243, 4.414, 0.793, 2.426);

  @Test
  void logGammaMatchesKnownValues() {
    assertThat(LogGamma.of(1)).isCloseTo(0, within(1e-13));
    assertThat(LogGamma.of(2)).isCloseTo(0, within(1e-13));
    assertThat(LogGamma.of(5)).isCloseTo(Math.log(24), within(1e-12));
    assertThat(LogGamma.of(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-12));
    assertThat(LogGamma.of(1.5)).isCloseTo(Math.log(Math.sqrt(Math.PI) / 2), within(1e-12));
    for (double x : new double[] {0.243, 2.426, 37.5, 4_000}) { // Γ(x + 1) = x Γ(x)
      assertThat(LogGamma.of(x + 1)).isCloseTo(LogGamma.of(x) + Math.log(x), within(1e-9));
    }
    assertThatThrownBy(() -> LogGamma.of(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMemberWithoutRepeatsCannotHaveDroppedOut() {
    assertThat(CDNOW.pAlive(new ActivityHistory(0, 0, 38))).isEqualTo(1.0);
  }

  @Test
  void theLongerSinceTheLastActivityTheLessLikelyAlive() {
    double recent = CDNOW.pAlive(new ActivityHistory(4, 35, 38));
    double lapsed = CDNOW.pAlive(new ActivityHistory(4, 10, 38));
    double longLapsed = CDNOW.pAlive(new ActivityHistory(4, 10, 70));
    assertThat(recent).isGreaterThan(lapsed).isLessThanOrEqualTo(1);
    assertThat(lapsed).isGreaterThan(longLapsed).isGreaterThan(0);
  }

  @Test
  void aFrequentMemberWhoStoppedIsLessLikelyAliveThanAnOccasionalOne() {
    // same silence since the last activity; the frequent one's silence is unusual for them
    double frequent = CDNOW.pAlive(new ActivityHistory(10, 20, 38));
    double occasional = CDNOW.pAlive(new ActivityHistory(1, 20, 38));
    assertThat(frequent).isLessThan(occasional);
  }

  @Test
  void aHistoryMustBePossible() {
    assertThatThrownBy(() -> new ActivityHistory(2, 40, 38))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ActivityHistory(0, 3, 38))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void gammaGammaShrinksFewTransactionsTowardsThePopulationMean() {
    GammaGamma gg = new GammaGamma(6.25, 3.74, 15.44);
    double population = gg.p() * gg.gamma() / (gg.q() - 1);
    double one = gg.expectedValue(new GammaGamma.Spend(1, 100));
    double many = gg.expectedValue(new GammaGamma.Spend(20, 100));
    assertThat(one).isBetween(population, 100.0);
    assertThat(many).isBetween(one, 100.0);
  }
}
