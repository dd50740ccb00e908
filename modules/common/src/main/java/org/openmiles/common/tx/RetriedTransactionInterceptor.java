package org.openmiles.common.tx;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.TransactionalException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
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
  private static final Logger LOG = Logger.getLogger(RetriedTransactionInterceptor.class.getName());

  /** Attempts in all, the first included. */
  static final int ATTEMPTS = 4;

  /** Upper bound of the first pause, in ms; it doubles with each attempt (plus jitter). */
  static final int FIRST_PAUSE_MS = 20;

  private static final ThreadLocal<Boolean> RUNNING = new ThreadLocal<>();

  volatile TransactionSynchronizationRegistry registry;

  @AroundInvoke
  public Object retry(InvocationContext ctx) throws Exception {
    if (RUNNING.get() != null || transactionActive()) {
      return ctx.proceed();
    }
    RUNNING.set(Boolean.TRUE);
    try {
      for (int attempt = 1; ; attempt++) {
        try {
          return ctx.proceed();
        } catch (Exception e) {
          if (attempt >= ATTEMPTS || !DatabaseFailures.isRetryable(e)) {
            throw translated(e);
          }
          long pause = pauseBefore(attempt + 1);
          int next = attempt + 1;
          LOG.info(
              () ->
                  "transaction of "
                      + ctx.getMethod().getDeclaringClass().getSimpleName()
                      + "."
                      + ctx.getMethod().getName()
                      + " aborted by the database ("
                      + e
                      + "); attempt "
                      + next
                      + " of "
                      + ATTEMPTS
                      + " in "
                      + pause
                      + " ms");
          Thread.sleep(pause);
        }
      }
    } finally {
      RUNNING.remove();
    }
  }

  /** A random pause below {@code FIRST_PAUSE_MS * 2^(attempt - 2)}: full jitter. */
  static long pauseBefore(int attempt) {
    long cap = (long) FIRST_PAUSE_MS << Math.max(0, attempt - 2);
    return 1 + ThreadLocalRandom.current().nextLong(cap);
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
