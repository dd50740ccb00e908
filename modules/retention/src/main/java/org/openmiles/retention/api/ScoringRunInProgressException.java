package org.openmiles.retention.api;

/** A scoring run is going somewhere in the cluster; the problem names it ({@code runningRun}). */
public class ScoringRunInProgressException extends RunInProgressException {
  private static final long serialVersionUID = 1L;

  public ScoringRunInProgressException(long runningRun) {
    super("SCORING_RUN_IN_PROGRESS", "scoring", runningRun);
  }
}
