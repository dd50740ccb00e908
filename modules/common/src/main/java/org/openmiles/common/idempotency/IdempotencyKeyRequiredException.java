package org.openmiles.common.idempotency;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** The call needs an Idempotency-Key header. */
public class IdempotencyKeyRequiredException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public IdempotencyKeyRequiredException(String message) {
    super("IDEMPOTENCY_KEY_REQUIRED", ErrorKind.INVALID_INPUT, message);
  }
}
