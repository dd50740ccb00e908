package org.openmiles.common.idempotency;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** The idempotency key was already used for a different request; a retry must repeat it exactly. */
public class IdempotencyKeyReusedException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public IdempotencyKeyReusedException(String message) {
    super("IDEMPOTENCY_KEY_REUSED", ErrorKind.BUSINESS_RULE, message);
  }
}
