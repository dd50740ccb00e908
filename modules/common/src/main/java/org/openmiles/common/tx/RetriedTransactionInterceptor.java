package org.openmiles.common.tx;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.TransactionalException;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Runs a {@link RetriedTransaction} call again when PostgreSQL aborted its transaction for a
 * deadlock or a serialization failure, and turns a failure at the commit into {@link
 * TransactionNotCommittedException} (ADR 0023).
 *
 * <p>Its priority puts it outside the container's {@code @Transactional} interceptor ({@code
 * PLATFORM_BEFORE + 200}), so each attempt is a transaction of its own, begun and rolled back by
 * that interceptor. Only the outermost call retries: one that starts inside a transaction (or
 * inside another retried call on the same thread) passes every failure on unchanged, because the
 * transaction it joined is aborted as a whole and only its owner can run it again.
 */
@RetriedTransaction
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class RetriedTransactionInterceptor {
  /** Attempts in all, the first included. */
  static final int ATTEMPTS = TransactionRetry.ATTEMPTS;

  private static final ThreadLocal<Boolean> RUNNING = new ThreadLocal<>();

  volatile TransactionSynchronizationRegistry registry;

  @AroundInvoke
  public Object retry(InvocationContext ctx) throws Exception {
    if (RUNNING.get() != null || transactionActive()) {
      return ctx.proceed();
    }
    RUNNING.set(Boolean.TRUE);
    try {
      String what =
          ctx.getMethod().getDeclaringClass().getSimpleName() + "." + ctx.getMethod().getName();
      return TransactionRetry.run(what, ctx::proceed);
    } catch (Exception e) {
      throw translated(e);
    } finally {
      RUNNING.remove();
    }
  }

  /** A random pause before {@code attempt}: see {@link TransactionRetry}. */
  static long pauseBefore(int attempt) {
    return TransactionRetry.pauseBefore(attempt);
  }

  /** The container's wrapper of a failed commit becomes ours; everything else stays as it is. */
  static Exception translated(Exception e) {
    if (e instanceof TransactionalException) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return new TransactionNotCommittedException(
          "the transaction did not commit: " + cause.getMessage(), cause);
    }
    return e;
  }

  private boolean transactionActive() {
    TransactionSynchronizationRegistry r = registry;
    if (r == null) {
      try {
        r =
            (TransactionSynchronizationRegistry)
                new InitialContext().lookup("java:comp/TransactionSynchronizationRegistry");
      } catch (NamingException e) {
        throw new IllegalStateException("no TransactionSynchronizationRegistry in JNDI", e);
      }
      registry = r;
    }
    return r.getTransactionKey() != null;
  }
}
