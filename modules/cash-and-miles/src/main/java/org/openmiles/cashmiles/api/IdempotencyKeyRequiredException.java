package org.openmiles.cashmiles.api;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/** Every mutating Cash and Miles call needs an Idempotency-Key header. */
public class IdempotencyKeyRequiredException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public IdempotencyKeyRequiredException(String message) {
    super("IDEMPOTENCY_KEY_REQUIRED", ErrorKind.INVALID_INPUT, message);
  }
}
