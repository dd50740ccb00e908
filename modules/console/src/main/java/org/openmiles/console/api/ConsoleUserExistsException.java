package org.openmiles.console.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** A console user with this name exists already (user names are never reused for another). */
public class ConsoleUserExistsException extends OpenMilesException {
  public ConsoleUserExistsException(String username) {
    super(
        "CONSOLE_USER_EXISTS",
        ErrorKind.CONFLICT,
        "There is already a console user " + username + ": choose another user name.");
  }
}
