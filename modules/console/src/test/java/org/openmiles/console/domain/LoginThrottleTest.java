package org.openmiles.console.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private final LoginThrottle throttle =
      new LoginThrottle(5, Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(15));

  @Test
  void theFirstFailuresAreFree() {
    assertThat(throttle.delayAfter(0)).isZero();
    assertThat(throttle.delayAfter(4)).isZero();
  }

  @Test
  void eachFurtherFailureDoublesTheWaitUpToTheCap() {
    assertThat(throttle.delayAfter(5)).isEqualTo(Duration.ofSeconds(30));
    assertThat(throttle.delayAfter(6)).isEqualTo(Duration.ofSeconds(60));
    assertThat(throttle.delayAfter(7)).isEqualTo(Duration.ofSeconds(120));
    assertThat(throttle.delayAfter(8)).isEqualTo(Duration.ofSeconds(240));
    assertThat(throttle.delayAfter(9)).isEqualTo(Duration.ofMinutes(5));
    assertThat(throttle.delayAfter(1_000_000)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void failuresMustBeRememberedAtLeastAsLongAsTheLongestWait() {
    assertThatThrownBy(
            () ->
                new LoginThrottle(
                    5, Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
