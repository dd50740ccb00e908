package org.openmiles.redemption.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** The chart has no award between these airports' zones (or none for this cabin). */
public class NoAwardRouteException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public NoAwardRouteException(String message) {
    super("NO_AWARD_ROUTE", ErrorKind.BUSINESS_RULE, message);
  }
}
