package org.openmiles.retention.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** The client action id was already used for another member or action type. */
public class ActionIdConflictException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public ActionIdConflictException(String message) {
    super("ACTION_ID_CONFLICT", ErrorKind.CONFLICT, message);
  }
}
