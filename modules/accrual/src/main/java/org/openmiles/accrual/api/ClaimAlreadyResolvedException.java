package org.openmiles.accrual.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** The claim is credited or rejected already; a claim resolves once. */
public class ClaimAlreadyResolvedException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public ClaimAlreadyResolvedException(String message) {
    super("CLAIM_ALREADY_RESOLVED", ErrorKind.CONFLICT, message);
  }
}
