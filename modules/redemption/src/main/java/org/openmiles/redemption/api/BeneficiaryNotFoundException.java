package org.openmiles.redemption.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** The member has no nominee or family member with this id. */
public class BeneficiaryNotFoundException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public BeneficiaryNotFoundException(String message) {
    super("BENEFICIARY_NOT_FOUND", ErrorKind.NOT_FOUND, message);
  }
}
