package org.openmiles.redemption.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/**
 * The passenger is not on the member's nominee list, and the program does not let others travel.
 */
public class NotANomineeException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public NotANomineeException(String message) {
    super("NOT_A_NOMINEE", ErrorKind.BUSINESS_RULE, message);
  }
}
