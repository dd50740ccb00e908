package org.openmiles.redemption.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** No partner award of the catalogue has this code. */
public class PartnerAwardNotFoundException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public PartnerAwardNotFoundException(String message) {
    super("PARTNER_AWARD_NOT_FOUND", ErrorKind.NOT_FOUND, message);
  }
}
