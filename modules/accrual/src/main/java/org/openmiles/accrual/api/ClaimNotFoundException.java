package org.openmiles.accrual.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** No claim has this id. */
public class ClaimNotFoundException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public ClaimNotFoundException(String message) {
    super("CLAIM_NOT_FOUND", ErrorKind.NOT_FOUND, message);
  }
}
