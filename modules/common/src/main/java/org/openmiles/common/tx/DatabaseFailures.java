package org.openmiles.common.tx;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells database failures apart by what a client can do about them: a transaction PostgreSQL
 * aborted to break a deadlock or keep a serializable order can be run again at once ({@link
 * #isRetryable}); a database that cannot be reached will be back later ({@link #isUnavailable});
 * anything else is a fault. Both look through the whole cause chain, so a failure wrapped by JDBC
 * helpers, EclipseLink or the transaction manager is recognised as well.
 */
public final class DatabaseFailures {
  /** deadlock_detected, serialization_failure. */
  private static final Set<String> RETRYABLE = Set.of("40P01", "40001");

  /** admin_shutdown, crash_shutdown, cannot_connect_now (class 08 is taken whole). */
  private static final Set<String> UNAVAILABLE = Set.of("57P01", "57P02", "57P03");

  private DatabaseFailures() {}

  /** The whole transaction was aborted by PostgreSQL and may succeed if run again. */
  public static boolean isRetryable(Throwable failure) {
    for (Throwable t = failure; t != null; t = next(t, failure)) {
      if (t instanceof SQLException e
          && e.getSQLState() != null
          && RETRYABLE.contains(e.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The database could not be reached or went away: SQL state class 08 (connection exception),
   * 57P01-57P03 (shut down, restarting), a JDBC connection exception, or the container's pool that
   * could not hand out a connection.
   */
  public static boolean isUnavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = next(t, failure)) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException e && e.getSQLState() != null) {
        String state = e.getSQLState();
        if (state.startsWith("08") || UNAVAILABLE.contains(state)) {
          return true;
        }
      }
      if (isPoolExhaustion(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Payara's pool wraps a failure to allocate a connection (none free within the wait time, or none
   * could be created) in a {@code ResourceException} or its {@code PoolingException}; the names are
   * matched so that this kernel needs no Connector API at compile time.
   */
  private static boolean isPoolExhaustion(Throwable t) {
    for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
      String name = c.getName();
      if (name.equals("jakarta.resource.ResourceException")
          || c.getSimpleName().equals("PoolingException")) {
        return true;
      }
    }
    String message = t.getMessage();
    return t instanceof SQLException
        && message != null
        && message.startsWith("Error in allocating a connection");
  }

  /** The cause, or a SQL exception's chained next exception; null at the end or at a cycle. */
  private static Throwable next(Throwable t, Throwable first) {
    Throwable cause = t.getCause();
    if (cause == null && t instanceof SQLException e) {
      cause = e.getNextException();
    }
    return cause == t || cause == first ? null : cause;
  }
}
