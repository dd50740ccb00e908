package org.openmiles.program.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** The change request is not in the state the action needs (already decided, say). */
public class ChangeNotPendingException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public ChangeNotPendingException(long change, ChangeState state, String action) {
    super(
        "CHANGE_NOT_PENDING",
        ErrorKind.CONFLICT,
        "change " + change + " is " + state + ": it cannot be " + action + " now");
  }
}
