package org.openmiles.retention.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** The member is not suppressed for that campaign. */
public class SuppressionNotFoundException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public SuppressionNotFoundException(String message) {
    super("SUPPRESSION_NOT_FOUND", ErrorKind.NOT_FOUND, message);
  }
}
