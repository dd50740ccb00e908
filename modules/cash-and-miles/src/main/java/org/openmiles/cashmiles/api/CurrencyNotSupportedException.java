package org.openmiles.cashmiles.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** The program has no mile value for the fare's currency, so it cannot be paid with miles. */
public class CurrencyNotSupportedException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public CurrencyNotSupportedException(String message) {
    super("CURRENCY_NOT_SUPPORTED", ErrorKind.BUSINESS_RULE, message);
  }
}
