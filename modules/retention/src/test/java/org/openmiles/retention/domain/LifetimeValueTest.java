package org.openmiles.retention.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LifetimeValueTest {
  /** The parameters published on CDNOW (weeks, dollars). */
  private static final LifetimeValue CDNOW =
      new LifetimeValue(new BgNbd(0.243, 4.414, 0.793, 2.426), new GammaGamma(6.25, 3.74, 15.44));

  private static final ActivityHistory REGULAR = new ActivityHistory(10, 37, 38);
  private static final GammaGamma.Spend SPEND = new GammaGamma.Spend(10, 40);

  @Test
  void withoutDiscountItIsTheExpectedActivitiesTimesTheExpectedValue() {
    double value = CDNOW.values().expectedValue(SPEND);
    double activities = CDNOW.counts().expectedActivities(REGULAR, 52);
    assertThat(CDNOW.of(REGULAR, SPEND, 52, 1, 0)).isCloseTo(activities * value, within(1e-9));
    assertThat(CDNOW.of(REGULAR, SPEND, 13, 4, 0)).isCloseTo(activities * value, within(1e-9));
  }

  @Test
  void discountingLowersIt() {
    double plain = CDNOW.of(REGULAR, SPEND, 52, 1, 0);
    double discounted = CDNOW.of(REGULAR, SPEND, 52, 1, 0.0019);
    assertThat(discounted).isLessThan(plain).isGreaterThan(0.9 * plain);
  }

  @Test
  void aLapsedMemberIsWorthLessThanARegularOneAndAOneTimerIsValuedAtTheMean() {
    ActivityHistory lapsed = new ActivityHistory(10, 8, 38);
    assertThat(CDNOW.of(lapsed, SPEND, 52, 1, 0.0019))
        .isLessThan(CDNOW.of(REGULAR, SPEND, 52, 1, 0.0019));
    ActivityHistory oneTimer = new ActivityHistory(0, 0, 38);
    double mean = 6.25 * 15.44 / (3.74 - 1);
    double oneTimerActivities = CDNOW.counts().expectedActivities(oneTimer, 52);
    assertThat(CDNOW.of(oneTimer, null, 52, 1, 0))
        .isCloseTo(oneTimerActivities * mean, within(1e-9));
  }

  @Test
  void aHorizonMustBeOne() {
    assertThatThrownBy(() -> CDNOW.of(REGULAR, SPEND, 0, 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CDNOW.of(REGULAR, SPEND, 12, 1, -0.1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
