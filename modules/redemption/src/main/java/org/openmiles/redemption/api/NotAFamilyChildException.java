package org.openmiles.redemption.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** The family member is not a child under the program's age on the travel date. */
public class NotAFamilyChildException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public NotAFamilyChildException(String message) {
    super("NOT_A_FAMILY_CHILD", ErrorKind.BUSINESS_RULE, message);
  }
}
