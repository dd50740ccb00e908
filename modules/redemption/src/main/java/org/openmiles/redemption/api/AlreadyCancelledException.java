package org.openmiles.redemption.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** The award was cancelled before; an award cancels at most once. */
public class AlreadyCancelledException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public AlreadyCancelledException(String message) {
    super("ALREADY_CANCELLED", ErrorKind.CONFLICT, message);
  }
}
