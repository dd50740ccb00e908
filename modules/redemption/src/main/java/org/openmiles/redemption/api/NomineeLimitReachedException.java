package org.openmiles.redemption.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** The nominee list is full. */
public class NomineeLimitReachedException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public NomineeLimitReachedException(String message) {
    super("NOMINEE_LIMIT_REACHED", ErrorKind.BUSINESS_RULE, message);
  }
}
