package org.openmiles.accrual.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/**
 * A registration the promotion does not take: it pays everyone without one ({@code
 * REGISTRATION_NOT_NEEDED}) or its window has ended ({@code PROMOTION_ENDED}).
 */
public class RegistrationRefusedException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public RegistrationRefusedException(String code, String message) {
    super(code, ErrorKind.BUSINESS_RULE, message);
  }
}
