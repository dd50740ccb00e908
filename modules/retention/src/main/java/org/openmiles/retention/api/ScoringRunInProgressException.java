package org.openmiles.retention.api;

import java.util.Map;
import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** A scoring run is going somewhere in the cluster; the problem names it ({@code runningRun}). */
public class ScoringRunInProgressException extends OpenMilesException {
  private static final long serialVersionUID = 1L;
  private final long runningRun;

  public ScoringRunInProgressException(long runningRun) {
    super(
        "SCORING_RUN_IN_PROGRESS",
        ErrorKind.CONFLICT,
        "scoring run " + runningRun + " is running; one run at a time");
    this.runningRun = runningRun;
  }

  @Override
  public Map<String, Object> details() {
    return Map.of("runningRun", runningRun);
  }
}
