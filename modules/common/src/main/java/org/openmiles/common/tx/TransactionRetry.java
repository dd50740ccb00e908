package org.openmiles.common.tx;

import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * The retry policy of ADR 0023 for a whole transaction: run it again when PostgreSQL aborted it for
 * a deadlock (40P01) or a serialization failure (40001), {@value #ATTEMPTS} attempts in all, with a
 * random pause before each further one (full jitter: below 20, 40, 80 ms). Any other failure, and
 * the last attempt's, is passed on unchanged.
 *
 * <p>Each attempt must begin and end its own transaction: {@link RetriedTransactionInterceptor}
 * (for {@link RetriedTransaction} services) and callers that begin container transactions
 * themselves (the scheduled jobs, the file routes' units of work) use it that way.
 */
public final class TransactionRetry {
  private static final Logger LOG = Logger.getLogger(TransactionRetry.class.getName());

  /** Attempts in all, the first included. */
  public static final int ATTEMPTS = 4;

  /** Upper bound of the first pause, in ms; it doubles with each attempt (plus jitter). */
  static final int FIRST_PAUSE_MS = 20;

  /** One attempt: a whole transaction. */
  @FunctionalInterface
  public interface Attempt<T> {
    T run() throws Exception;
  }

  private TransactionRetry() {}

  /**
   * Runs {@code attempt} until it succeeds, fails with something a retry cannot mend, or has run
   * {@value #ATTEMPTS} times. {@code what} names the unit in the log line of each retry.
   */
  public static <T> T run(String what, Attempt<T> attempt) throws Exception {
    for (int n = 1; ; n++) {
      try {
        return attempt.run();
      } catch (Exception e) {
        if (n >= ATTEMPTS || !DatabaseFailures.isRetryable(e)) {
          throw e;
        }
        long pause = pauseBefore(n + 1);
        int next = n + 1;
        LOG.info(
            () ->
                "transaction of "
                    + what
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
  }

  /** A random pause below {@code FIRST_PAUSE_MS * 2^(attempt - 2)}: full jitter. */
  static long pauseBefore(int attempt) {
    long cap = (long) FIRST_PAUSE_MS << Math.max(0, attempt - 2);
    return 1 + ThreadLocalRandom.current().nextLong(cap);
  }
}
