package org.openmiles.accounts.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** A capture may take at most the miles the hold set aside. */
public class CaptureExceedsHoldException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public CaptureExceedsHoldException(String message) {
    super("CAPTURE_EXCEEDS_HOLD", ErrorKind.BUSINESS_RULE, message);
  }
}
