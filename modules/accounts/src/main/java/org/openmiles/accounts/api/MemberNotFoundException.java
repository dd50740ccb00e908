package org.openmiles.accounts.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** No member has this number. */
public class MemberNotFoundException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public MemberNotFoundException(String message) {
    super("MEMBER_NOT_FOUND", ErrorKind.NOT_FOUND, message);
  }
}
