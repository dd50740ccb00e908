package org.openmiles.retention.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** An NPS score is a whole number from 0 to 10. */
public class ScoreOutOfRangeException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public ScoreOutOfRangeException(String message) {
    super("SCORE_OUT_OF_RANGE", ErrorKind.INVALID_INPUT, message);
  }
}
