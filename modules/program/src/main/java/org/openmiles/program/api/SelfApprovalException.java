package org.openmiles.program.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** Maker-checker: nobody approves or rejects a change they proposed. */
public class SelfApprovalException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public SelfApprovalException(long change, String who) {
    super(
        "SELF_APPROVAL_REFUSED",
        ErrorKind.BUSINESS_RULE,
        "change "
            + change
            + " was proposed by "
            + who
            + ": another person with the approver right decides it");
  }
}
