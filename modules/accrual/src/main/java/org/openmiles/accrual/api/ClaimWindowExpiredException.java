package org.openmiles.accrual.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/**
 * The flight is older than the claim window (openmiles.accrual.claim-window-months, 12 by default).
 */
public class ClaimWindowExpiredException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public ClaimWindowExpiredException(String message) {
    super("CLAIM_WINDOW_EXPIRED", ErrorKind.BUSINESS_RULE, message);
  }
}
