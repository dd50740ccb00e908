package org.openmiles.tiers.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** A review was asked for a period that has not ended yet (in the airline's time zone). */
public class PeriodNotEndedException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public PeriodNotEndedException(String message) {
    super("PERIOD_NOT_ENDED", ErrorKind.BUSINESS_RULE, message);
  }
}
