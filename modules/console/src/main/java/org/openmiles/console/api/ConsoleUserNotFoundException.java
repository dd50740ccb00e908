package org.openmiles.console.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** No console user has this name. */
public class ConsoleUserNotFoundException extends OpenMilesException {
  public ConsoleUserNotFoundException(String username) {
    super(
        "CONSOLE_USER_NOT_FOUND",
        ErrorKind.NOT_FOUND,
        "There is no console user " + username + ": reload the list.");
  }
}
