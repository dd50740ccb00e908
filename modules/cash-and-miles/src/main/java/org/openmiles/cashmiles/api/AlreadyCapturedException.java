package org.openmiles.cashmiles.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/**
 * The payment was captured already; it can no longer be captured again or voided (refund it
 * instead).
 */
public class AlreadyCapturedException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public AlreadyCapturedException(String message) {
    super("ALREADY_CAPTURED", ErrorKind.CONFLICT, message);
  }
}
