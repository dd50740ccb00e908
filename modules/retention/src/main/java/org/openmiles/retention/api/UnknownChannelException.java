package org.openmiles.retention.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** A consent channel is EMAIL, SMS, OTT or PUSH. */
public class UnknownChannelException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public UnknownChannelException(String message) {
    super("UNKNOWN_CHANNEL", ErrorKind.INVALID_INPUT, message);
  }
}
