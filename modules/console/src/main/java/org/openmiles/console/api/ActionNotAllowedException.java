package org.openmiles.console.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** A console user tried an action their role does not allow. */
public class ActionNotAllowedException extends OpenMilesException {
  private final String username;
  private final String action;

  public ActionNotAllowedException(String username, ConsoleRole needed, String action) {
    super(
        "CONSOLE_ACTION_NOT_ALLOWED",
        ErrorKind.BUSINESS_RULE,
        "Only a "
            + needed.name().toLowerCase(java.util.Locale.ROOT)
            + " may "
            + action
            + ": ask a "
            + needed.name().toLowerCase(java.util.Locale.ROOT)
            + " to do it ("
            + username
            + " is not one).");
    this.username = username;
    this.action = action;
  }

  /** Who was refused. */
  public String username() {
    return username;
  }

  /** What they tried ("approve adjustments"). */
  public String action() {
    return action;
  }
}
