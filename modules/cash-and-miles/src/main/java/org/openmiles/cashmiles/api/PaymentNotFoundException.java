package org.openmiles.cashmiles.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** No payment of this client has this id (another client's payment is not found either). */
public class PaymentNotFoundException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public PaymentNotFoundException(String message) {
    super("PAYMENT_NOT_FOUND", ErrorKind.NOT_FOUND, message);
  }
}
