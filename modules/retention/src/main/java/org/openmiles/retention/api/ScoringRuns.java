package org.openmiles.retention.api;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Starts the scoring job and reports its progress. One run at a time in the whole cluster: a start
 * while another run is going is refused with {@link ScoringRunInProgressException}.
 */
public interface ScoringRuns {

  /**
   * Claims a run scoring activity up to {@code asOf} (null: yesterday, the airline's last whole
   * day) and runs it in the background; returns the run as claimed (state RUNNING).
   */
  ScoringRunView start(LocalDate asOf, String requestedBy);

  /** Claims and runs a run here, to its end (the nightly firing); returns the finished run. */
  ScoringRunView runNow(String trigger);

  /** One run; {@link ScoringRunNotFoundException} if there is no such run. */
  ScoringRunView run(long runId);

  /** The latest run, if any. */
  Optional<ScoringRunView> latest();
}
