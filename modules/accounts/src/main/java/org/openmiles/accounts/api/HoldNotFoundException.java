package org.openmiles.accounts.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** No hold has this reference. */
public class HoldNotFoundException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public HoldNotFoundException(String message) {
    super("HOLD_NOT_FOUND", ErrorKind.NOT_FOUND, message);
  }
}
