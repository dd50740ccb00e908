package org.openmiles.retention.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** The friend was already referred (by this member or another): a friend earns one referral. */
public class AlreadyReferredException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public AlreadyReferredException(String message) {
    super("ALREADY_REFERRED", ErrorKind.CONFLICT, message);
  }
}
