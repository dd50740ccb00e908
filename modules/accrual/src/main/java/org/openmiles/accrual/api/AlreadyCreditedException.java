package org.openmiles.accrual.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** The coupon claimed is already credited to this member: there are no missing miles. */
public class AlreadyCreditedException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public AlreadyCreditedException(String message) {
    super("ALREADY_CREDITED", ErrorKind.CONFLICT, message);
  }
}
