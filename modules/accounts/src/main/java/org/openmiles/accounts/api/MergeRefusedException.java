package org.openmiles.accounts.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/**
 * The two members cannot be merged now: the duplicate has miles on hold, one of them is closed or
 * already merged, or the duplicate was merged into someone else. The message says what to do.
 */
public class MergeRefusedException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public MergeRefusedException(String message) {
    super("MERGE_REFUSED", ErrorKind.BUSINESS_RULE, message);
  }
}
