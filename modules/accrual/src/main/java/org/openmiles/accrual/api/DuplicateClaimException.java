package org.openmiles.accrual.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** The member already has an open or credited claim for this ticket and flight. */
public class DuplicateClaimException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public DuplicateClaimException(String message) {
    super("DUPLICATE_CLAIM", ErrorKind.CONFLICT, message);
  }
}
