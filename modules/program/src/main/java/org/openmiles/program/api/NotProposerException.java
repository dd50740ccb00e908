package org.openmiles.program.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** Only the person who proposed a change may withdraw it. */
public class NotProposerException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public NotProposerException(long change, String who) {
    super(
        "NOT_PROPOSER",
        ErrorKind.BUSINESS_RULE,
        "change " + change + " was proposed by someone else: " + who + " cannot withdraw it");
  }
}
