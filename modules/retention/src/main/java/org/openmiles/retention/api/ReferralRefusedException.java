package org.openmiles.retention.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** A referral that cannot count: the member referred themselves, or the friend is not a member. */
public class ReferralRefusedException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public ReferralRefusedException(String message) {
    super("REFERRAL_REFUSED", ErrorKind.BUSINESS_RULE, message);
  }
}
