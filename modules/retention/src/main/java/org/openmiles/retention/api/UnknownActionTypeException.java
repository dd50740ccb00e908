package org.openmiles.retention.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** The engagement catalogue has no action type with this code. */
public class UnknownActionTypeException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public UnknownActionTypeException(String message) {
    super("UNKNOWN_ACTION_TYPE", ErrorKind.INVALID_INPUT, message);
  }
}
