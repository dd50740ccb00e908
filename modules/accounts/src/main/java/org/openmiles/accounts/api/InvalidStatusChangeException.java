package org.openmiles.accounts.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** The requested status change is not allowed from the member's current status. */
public class InvalidStatusChangeException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public InvalidStatusChangeException(String message) {
    super("INVALID_STATUS_CHANGE", ErrorKind.BUSINESS_RULE, message);
  }
}
