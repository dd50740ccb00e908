package org.openmiles.retention.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** The source of a consent decision is one of ConsentSource. */
public class UnknownConsentSourceException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public UnknownConsentSourceException(String message) {
    super("UNKNOWN_CONSENT_SOURCE", ErrorKind.INVALID_INPUT, message);
  }
}
