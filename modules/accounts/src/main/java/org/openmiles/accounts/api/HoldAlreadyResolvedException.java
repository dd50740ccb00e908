package org.openmiles.accounts.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** The hold was already captured, released or expired; a hold resolves once. */
public class HoldAlreadyResolvedException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public HoldAlreadyResolvedException(String message) {
    super("HOLD_ALREADY_RESOLVED", ErrorKind.CONFLICT, message);
  }
}
