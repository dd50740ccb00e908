package org.openmiles.retention.api;

import java.util.Map;
import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** A campaign run is going somewhere in the cluster; the problem names it ({@code runningRun}). */
public class CampaignRunInProgressException extends OpenMilesException {
  private static final long serialVersionUID = 1L;
  private final long runningRun;

  public CampaignRunInProgressException(long runningRun) {
    super(
        "CAMPAIGN_RUN_IN_PROGRESS",
        ErrorKind.CONFLICT,
        "campaign run " + runningRun + " is running; one run at a time");
    this.runningRun = runningRun;
  }

  @Override
  public Map<String, Object> details() {
    return Map.of("runningRun", runningRun);
  }
}
