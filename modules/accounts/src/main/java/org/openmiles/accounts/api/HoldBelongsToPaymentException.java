package org.openmiles.accounts.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/**
 * The hold belongs to a payment ({@link PaymentHolds}): only that payment captures or releases it.
 */
public class HoldBelongsToPaymentException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public HoldBelongsToPaymentException(String message) {
    super("HOLD_BELONGS_TO_PAYMENT", ErrorKind.CONFLICT, message);
  }
}
