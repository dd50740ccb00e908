package org.openmiles.retention.api;

import java.util.Map;
import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/**
 * A run of this kind (scoring, campaigns) is going somewhere in the cluster: one at a time. The
 * problem names it ({@code runningRun}). Nothing was claimed: a start later may succeed.
 */
public abstract class RunInProgressException extends OpenMilesException {
  private static final long serialVersionUID = 1L;
  private final long runningRun;

  protected RunInProgressException(String code, String kind, long runningRun) {
    super(code, ErrorKind.CONFLICT, kind + " run " + runningRun + " is running; one run at a time");
    this.runningRun = runningRun;
  }

  @Override
  public Map<String, Object> details() {
    return Map.of("runningRun", runningRun);
  }
}
