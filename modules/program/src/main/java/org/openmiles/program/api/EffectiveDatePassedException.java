package org.openmiles.program.api;

import java.time.LocalDate;
import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/**
 * A change would apply from a date already past in the airline's zone. Rules change from today on;
 * changing the past takes a request marked as a correction, approved on its own.
 */
public class EffectiveDatePassedException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public EffectiveDatePassedException(LocalDate effectiveFrom, LocalDate today) {
    super(
        "EFFECTIVE_DATE_PASSED",
        ErrorKind.BUSINESS_RULE,
        "the change would apply from "
            + effectiveFrom
            + ", before today ("
            + today
            + "): propose it from today or later, or as a correction");
  }
}
