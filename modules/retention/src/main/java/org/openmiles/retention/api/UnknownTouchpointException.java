package org.openmiles.retention.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** The touchpoint of an NPS answer is FLIGHT, CALL, AWARD or PARTNER. */
public class UnknownTouchpointException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public UnknownTouchpointException(String message) {
    super("UNKNOWN_TOUCHPOINT", ErrorKind.INVALID_INPUT, message);
  }
}
