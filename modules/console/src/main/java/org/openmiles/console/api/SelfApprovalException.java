package org.openmiles.console.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** Four eyes: nobody approves their own adjustment. */
public class SelfApprovalException extends OpenMilesException {
  public SelfApprovalException(long id) {
    super(
        "ADJUSTMENT_SELF_APPROVAL",
        ErrorKind.BUSINESS_RULE,
        "You asked for adjustment " + id + " yourself: another supervisor must approve it.");
  }
}
