package org.openmiles.retention.api;

/** A campaign run is going somewhere in the cluster; the problem names it ({@code runningRun}). */
public class CampaignRunInProgressException extends RunInProgressException {
  private static final long serialVersionUID = 1L;

  public CampaignRunInProgressException(long runningRun) {
    super("CAMPAIGN_RUN_IN_PROGRESS", "campaign", runningRun);
  }
}
