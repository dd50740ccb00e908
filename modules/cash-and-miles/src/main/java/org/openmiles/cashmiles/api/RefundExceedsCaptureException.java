package org.openmiles.cashmiles.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** A refund may give back at most the captured miles not refunded yet. */
public class RefundExceedsCaptureException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public RefundExceedsCaptureException(String message) {
    super("REFUND_EXCEEDS_CAPTURE", ErrorKind.BUSINESS_RULE, message);
  }
}
