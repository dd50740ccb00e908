package org.openmiles.redemption.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** No award has this reference. */
public class AwardNotFoundException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public AwardNotFoundException(String message) {
    super("AWARD_NOT_FOUND", ErrorKind.NOT_FOUND, message);
  }
}
