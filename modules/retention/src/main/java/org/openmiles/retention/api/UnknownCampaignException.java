package org.openmiles.retention.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** No campaign with that code in the catalogue. */
public class UnknownCampaignException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public UnknownCampaignException(String message) {
    super("UNKNOWN_CAMPAIGN", ErrorKind.NOT_FOUND, message);
  }
}
