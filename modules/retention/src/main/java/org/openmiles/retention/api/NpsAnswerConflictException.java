package org.openmiles.retention.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** The survey answer id was already stored with another member, score or touchpoint. */
public class NpsAnswerConflictException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public NpsAnswerConflictException(String message) {
    super("NPS_ANSWER_CONFLICT", ErrorKind.CONFLICT, message);
  }
}
