package org.openmiles.accrual.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** An airport code the program's reference data does not know: import the airports first. */
public class UnknownAirportException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public UnknownAirportException(String message) {
    super("UNKNOWN_AIRPORT", ErrorKind.NOT_FOUND, message);
  }
}
