package org.openmiles.program.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** No change request has this number. */
public class ChangeNotFoundException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public ChangeNotFoundException(long id) {
    super("CHANGE_NOT_FOUND", ErrorKind.NOT_FOUND, "no change request " + id);
  }
}
