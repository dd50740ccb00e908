package org.openmiles.retention.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** NPS is reported by month, tier, touchpoint, route or segment. */
public class UnknownNpsDimensionException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public UnknownNpsDimensionException(String message) {
    super("UNKNOWN_NPS_DIMENSION", ErrorKind.INVALID_INPUT, message);
  }
}
