package org.openmiles.retention.domain;

import java.util.Optional;
import java.util.OptionalLong;
import org.openmiles.retention.api.ScoringRunView;

/** The scoring runs and their progress (table {@code retention.score_run}). */
public interface ScoringRunStore {

  /**
   * Claims a new run (state RUNNING, step CLAIMED), first closing as FAILED a running one without
   * progress for {@code staleMinutes}; empty when another run is running.
   */
  OptionalLong claim(
      String kind,
      String trigger,
      ScoringScope scope,
      String requestedBy,
      String node,
      int staleMinutes);

  /** The running run's id, if any. */
  OptionalLong running();

  /** Records the step and counts (and the heartbeat). */
  void progress(long run, String step, long done, long total);

  /** Ends a run: DONE with its counts, or FAILED with a message. */
  void finish(long run, String state, String message, Long scored, Long atRisk, Long moved);

  Optional<ScoringRunView> find(long run);

  Optional<ScoringRunView> latest();
}
