package org.openmiles.cashmiles.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** Only a captured payment can be refunded. */
public class NotCapturedException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public NotCapturedException(String message) {
    super("NOT_CAPTURED", ErrorKind.BUSINESS_RULE, message);
  }
}
