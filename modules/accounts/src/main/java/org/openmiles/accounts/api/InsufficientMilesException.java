package org.openmiles.accounts.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** The member's available miles (balance minus active holds) do not cover the request. */
public class InsufficientMilesException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public InsufficientMilesException(String message) {
    super("INSUFFICIENT_MILES", ErrorKind.BUSINESS_RULE, message);
  }
}
