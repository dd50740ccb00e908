package org.openmiles.common.tx;

/**
 * A transaction that failed at its boundary (the commit was refused, or the transaction manager
 * failed), in place of the container's {@code jakarta.transaction.TransactionalException}: JAX-RS
 * implementations map that one themselves (Jersey rethrows it, and the client gets the server's
 * HTML error page), this one reaches the application's problem+json mappers.
 */
public class TransactionNotCommittedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TransactionNotCommittedException(String message, Throwable cause) {
    super(message, cause);
  }
}
