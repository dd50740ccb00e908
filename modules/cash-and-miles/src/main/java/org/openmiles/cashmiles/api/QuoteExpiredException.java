package org.openmiles.cashmiles.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** The quote's price lock ended; ask for a new quote. */
public class QuoteExpiredException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public QuoteExpiredException(String message) {
    super("QUOTE_EXPIRED", ErrorKind.BUSINESS_RULE, message);
  }
}
