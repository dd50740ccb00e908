package org.openmiles.cashmiles.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/**
 * The miles chosen are not one of the quote's allowed splits. The code says which rule they break:
 * {@code BELOW_MINIMUM_MILES} (fewer than the minimum per passenger and segment), {@code
 * ABOVE_MAXIMUM_MILES} (worth more than the share of the base fare miles may pay) or {@code
 * MILES_NOT_IN_STEP} (not the minimum plus a whole number of steps); on a quote, {@code
 * FARE_TOO_LOW_FOR_MILES} (the share of the base fare that miles may pay is worth fewer miles than
 * the minimum: the fare is paid in cash only).
 */
public class SplitNotAllowedException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public static final String BELOW_MINIMUM = "BELOW_MINIMUM_MILES";
  public static final String ABOVE_MAXIMUM = "ABOVE_MAXIMUM_MILES";
  public static final String NOT_IN_STEP = "MILES_NOT_IN_STEP";
  public static final String FARE_TOO_LOW = "FARE_TOO_LOW_FOR_MILES";

  public SplitNotAllowedException(String code, String message) {
    super(code, ErrorKind.BUSINESS_RULE, message);
  }
}
