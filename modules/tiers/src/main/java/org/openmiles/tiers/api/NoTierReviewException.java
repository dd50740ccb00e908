package org.openmiles.tiers.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** No tier review has run yet. */
public class NoTierReviewException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public NoTierReviewException() {
    super("NO_TIER_REVIEW", ErrorKind.NOT_FOUND, "no tier review has run yet");
  }
}
