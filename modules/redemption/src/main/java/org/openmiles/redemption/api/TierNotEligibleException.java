package org.openmiles.redemption.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** The member's tier is below the one the program requires (upgrade awards). */
public class TierNotEligibleException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public TierNotEligibleException(String message) {
    super("TIER_NOT_ELIGIBLE", ErrorKind.BUSINESS_RULE, message);
  }
}
