package org.openmiles.accrual.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** No partner has this code. */
public class PartnerNotFoundException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public PartnerNotFoundException(String message) {
    super("PARTNER_NOT_FOUND", ErrorKind.NOT_FOUND, message);
  }
}
