package org.openmiles.accounts.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** Another member who is not closed already uses this email address. */
public class MemberAlreadyEnrolledException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public MemberAlreadyEnrolledException(String message) {
    super("MEMBER_ALREADY_ENROLLED", ErrorKind.CONFLICT, message);
  }
}
