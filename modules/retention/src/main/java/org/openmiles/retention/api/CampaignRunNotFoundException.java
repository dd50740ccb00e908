package org.openmiles.retention.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** No campaign run with that id. */
public class CampaignRunNotFoundException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public CampaignRunNotFoundException(String message) {
    super("CAMPAIGN_RUN_NOT_FOUND", ErrorKind.NOT_FOUND, message);
  }
}
