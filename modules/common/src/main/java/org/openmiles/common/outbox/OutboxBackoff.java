package org.openmiles.common.outbox;

import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a failed event waits before its next delivery: doubling from {@code first} seconds with
 * each failure, never more than {@code cap}, and a random half of that, so that events which failed
 * together (the database restarting, say) do not all come back in the same second.
 */
public record OutboxBackoff(int first, int cap) {

  public OutboxBackoff {
    if (first < 1 || cap < first) {
      throw new IllegalArgumentException("need 1 <= first <= cap, not " + first + ", " + cap);
    }
  }

  /** The longest wait after {@code failures} failed deliveries (1 for the first failure). */
  public long ceilingSeconds(int failures) {
    int doublings = Math.min(Math.max(failures, 1) - 1, 30);
    return Math.min((long) cap, (long) first << doublings);
  }

  /**
   * The wait after {@code failures} failed deliveries: between half the ceiling and the ceiling.
   */
  public long seconds(int failures) {
    long ceiling = ceilingSeconds(failures);
    long half = Math.max(1, ceiling / 2);
    return half + ThreadLocalRandom.current().nextLong(ceiling - half + 1);
  }
}
