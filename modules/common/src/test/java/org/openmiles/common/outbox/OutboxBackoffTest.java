package org.openmiles.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutboxBackoffTest {
  private final OutboxBackoff backoff = new OutboxBackoff(2, 300);

  @ParameterizedTest(name = "after {0} failure(s) at most {1} s")
  @CsvSource({"0, 2", "1, 2", "2, 4", "3, 8", "8, 256", "9, 300", "40, 300", "2147483647, 300"})
  void theCeilingDoublesUpToTheCap(int failures, long ceiling) {
    assertThat(backoff.ceilingSeconds(failures)).isEqualTo(ceiling);
  }

  @Test
  void theWaitIsBetweenHalfTheCeilingAndTheCeiling() {
    for (int failures = 1; failures < 12; failures++) {
      long ceiling = backoff.ceilingSeconds(failures);
      for (int i = 0; i < 200; i++) {
        assertThat(backoff.seconds(failures)).isBetween(Math.max(1, ceiling / 2), ceiling);
      }
    }
  }

  @Test
  void theWaitsSpread() {
    assertThat(
            java.util.stream.IntStream.range(0, 200)
                .mapToLong(i -> backoff.seconds(9))
                .distinct()
                .count())
        .as("events that failed together come back at different times")
        .isGreaterThan(20);
  }

  @Test
  void aCapBelowTheFirstWaitIsRefused() {
    assertThatThrownBy(() -> new OutboxBackoff(10, 5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OutboxBackoff(0, 5)).isInstanceOf(IllegalArgumentException.class);
  }
}
