package org.openmiles.accounts.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/**
 * The member's status does not allow this (a suspended member cannot spend, a closed one cannot
 * earn).
 */
public class MemberNotActiveException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public MemberNotActiveException(String message) {
    super("MEMBER_NOT_ACTIVE", ErrorKind.BUSINESS_RULE, message);
  }
}
