package org.openmiles.console.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/**
 * An admin tried to disable or demote themself, or the last active admin: the console would be left
 * without anyone who can manage users.
 */
public class AdminLockoutException extends OpenMilesException {
  public AdminLockoutException(String message) {
    super("CONSOLE_ADMIN_LOCKOUT", ErrorKind.BUSINESS_RULE, message);
  }
}
