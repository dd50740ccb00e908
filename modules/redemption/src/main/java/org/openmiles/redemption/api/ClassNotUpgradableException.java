package org.openmiles.redemption.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** Paid tickets in this booking class cannot be upgraded with miles. */
public class ClassNotUpgradableException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public ClassNotUpgradableException(String message) {
    super("CLASS_NOT_UPGRADABLE", ErrorKind.BUSINESS_RULE, message);
  }
}
