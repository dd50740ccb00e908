package org.openmiles.program.api;

import java.time.LocalDate;
import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** The rule has no version in force on the date asked. */
public class NoVersionInForceException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public NoVersionInForceException(String kind, String key, LocalDate on) {
    super(
        "NO_VERSION_IN_FORCE", ErrorKind.NOT_FOUND, kind + " " + key + " has no version on " + on);
  }
}
