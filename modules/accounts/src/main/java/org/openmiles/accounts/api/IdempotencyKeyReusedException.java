package org.openmiles.accounts.api;

/**
 * The idempotency key was already used for a different request; a retry must repeat it exactly.
 * Kept for the modules that still throw it (claims, awards) until they adopt {@code
 * common.idempotency}, whose {@link org.openmiles.common.idempotency.IdempotencyKeyReusedException}
 * it is.
 */
public class IdempotencyKeyReusedException
    extends org.openmiles.common.idempotency.IdempotencyKeyReusedException {
  private static final long serialVersionUID = 1L;

  public IdempotencyKeyReusedException(String message) {
    super(message);
  }
}
