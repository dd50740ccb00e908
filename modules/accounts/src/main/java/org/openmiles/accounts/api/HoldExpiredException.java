package org.openmiles.accounts.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** The hold passed its time limit before it was captured; its miles are available again. */
public class HoldExpiredException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public HoldExpiredException(String message) {
    super("HOLD_EXPIRED", ErrorKind.BUSINESS_RULE, message);
  }
}
