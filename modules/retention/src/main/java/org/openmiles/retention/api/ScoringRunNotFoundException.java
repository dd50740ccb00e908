package org.openmiles.retention.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** No scoring run with that id. */
public class ScoringRunNotFoundException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public ScoringRunNotFoundException(String message) {
    super("SCORING_RUN_NOT_FOUND", ErrorKind.NOT_FOUND, message);
  }
}
