package org.openmiles.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClusterLockTest {
  private static final Duration HALF_MINUTE = Duration.ofSeconds(30);

  @Test
  void nodesWhoseTimersFireApartNameTheSameFiring() {
    Instant firing = Instant.parse("2026-12-06T18:30:30Z");
    for (String at :
        new String[] {
          "2026-12-06T18:30:30Z",
          "2026-12-06T18:30:30.180Z",
          "2026-12-06T18:30:44.999Z",
          "2026-12-06T18:30:15Z",
          "2026-12-06T18:30:29.020Z"
        }) {
      assertThat(ClusterLock.firing(Instant.parse(at), HALF_MINUTE)).as(at).isEqualTo(firing);
    }
  }

  @Test
  void theNextFiringIsAnother() {
    assertThat(ClusterLock.firing(Instant.parse("2026-12-06T18:30:45Z"), HALF_MINUTE))
        .isEqualTo(Instant.parse("2026-12-06T18:31:00Z"));
    assertThat(ClusterLock.firing(Instant.parse("2026-12-06T02:15:00.700Z"), Duration.ofMinutes(1)))
        .isEqualTo(Instant.parse("2026-12-06T02:15:00Z"));
    assertThat(ClusterLock.firing(Instant.parse("2026-12-06T02:14:59.100Z"), Duration.ofMinutes(1)))
        .isEqualTo(Instant.parse("2026-12-06T02:15:00Z"));
  }
}
