package org.openmiles.retention.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** The member has no scores (no activity, or not scored yet). */
public class MemberNotScoredException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public MemberNotScoredException(String message) {
    super("MEMBER_NOT_SCORED", ErrorKind.NOT_FOUND, message);
  }
}
