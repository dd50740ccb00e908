package org.openmiles.cashmiles.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** No quote of this client has this token (another client's quote is not found either). */
public class QuoteNotFoundException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public QuoteNotFoundException(String message) {
    super("QUOTE_NOT_FOUND", ErrorKind.NOT_FOUND, message);
  }
}
