package org.openmiles.accounts.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/**
 * An extension was asked for a member with no miles that expire on their own date (none left, or
 * the inactivity policy, under which lots carry no date).
 */
public class NoExpiringMilesException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public NoExpiringMilesException(String message) {
    super("NO_EXPIRING_MILES", ErrorKind.BUSINESS_RULE, message);
  }
}
