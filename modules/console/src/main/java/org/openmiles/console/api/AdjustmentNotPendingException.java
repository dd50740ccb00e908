package org.openmiles.console.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** An approval or rejection of an adjustment that is no longer waiting (or never existed). */
public class AdjustmentNotPendingException extends OpenMilesException {
  public AdjustmentNotPendingException(long id, String status) {
    super(
        "ADJUSTMENT_NOT_PENDING",
        ErrorKind.CONFLICT,
        "Adjustment " + id + " is " + status + ", not waiting for approval: refresh the queue.");
  }
}
