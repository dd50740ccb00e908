package org.openmiles.cashmiles.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** The payment was voided; its hold is released and it can no longer change. */
public class AlreadyVoidedException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public AlreadyVoidedException(String message) {
    super("ALREADY_VOIDED", ErrorKind.CONFLICT, message);
  }
}
