package org.openmiles.retention.application;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The runs (scoring, campaigns) this instance is executing, so that a server that stops marks them
 * FAILED instead of leaving them RUNNING: a run left RUNNING holds the one-at-a-time claim until
 * its stale minutes pass, and the console's "Score now" stays disabled. A run killed with its
 * process (no shutdown) is still taken over after the stale minutes.
 */
final class RunningHere {
  static final String STOPPED = "the server stopped during the run; start it again";

  private final Set<Long> runs = ConcurrentHashMap.newKeySet();

  /** Runs {@code body} as the execution of {@code run}. */
  void execute(long run, Runnable body) {
    runs.add(run);
    try {
      body.run();
    } finally {
      runs.remove(run);
    }
  }

  /** The runs executing now. */
  Set<Long> now() {
    return Set.copyOf(runs);
  }

  /** At shutdown: {@code fail} for each run still executing; a failure is logged, not thrown. */
  void stopping(LongConsumer fail, Logger log) {
    for (long run : now()) {
      try {
        fail.accept(run);
        log.warning(() -> "run " + run + " marked FAILED: " + STOPPED);
      } catch (RuntimeException e) {
        log.log(Level.WARNING, "could not mark run " + run + " FAILED at shutdown", e);
      }
    }
  }
}
