package org.openmiles.accrual.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** No promotion has this code. */
public class PromotionNotFoundException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public PromotionNotFoundException(String code) {
    super("PROMOTION_NOT_FOUND", ErrorKind.NOT_FOUND, "No promotion has the code " + code + ".");
  }
}
