package org.openmiles.retention.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** The action type is in the catalogue but switched off: nothing is counted for it. */
public class ActionTypeInactiveException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public ActionTypeInactiveException(String message) {
    super("ACTION_TYPE_INACTIVE", ErrorKind.BUSINESS_RULE, message);
  }
}
