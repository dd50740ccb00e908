package org.openmiles.common.idempotency;

import org.openmiles.common.ErrorKind;
import org.openmiles.common.OpenMilesException;

/**
 * A request with this Idempotency-Key is still being processed; retry a little later for its
 * answer.
 */
public class IdempotencyKeyInUseException extends OpenMilesException {
  private static final long serialVersionUID = 1L;

  public IdempotencyKeyInUseException(String message) {
    super("IDEMPOTENCY_KEY_IN_USE", ErrorKind.CONFLICT, message);
  }
}
