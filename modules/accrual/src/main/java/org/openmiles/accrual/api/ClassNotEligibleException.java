package org.openmiles.accrual.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/**
 * The booking class earns no miles with this carrier in this region (e.g. W on a domestic flight).
 */
public class ClassNotEligibleException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public ClassNotEligibleException(String message) {
    super("CLASS_NOT_ELIGIBLE", ErrorKind.BUSINESS_RULE, message);
  }
}
