package org.openmiles.integration.common;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.SQLTransientException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.util.ObjectHelper;
import org.openmiles.common.tx.DatabaseFailures;

/**
 * The error policy every inbound file route shares (route configuration {@value #ID}, ADR 0031).
 *
 * <ul>
 *   <li>A transient database fault ({@link #isTransientDatabaseFault}) runs the failed step again,
 *       up to {@link FileSettings#redeliveries()} times, after {@link
 *       FileSettings#redeliveryDelayMillis()} doubling each time (with some jitter). The file stays
 *       in {@code processing/}, claimed by this worker; the run again resumes it where the fault
 *       stopped it (the sink recognises the records it has seen), so nothing is credited twice.
 *   <li>Any other fault, and a transient one that outlasts the runs again, moves the file to {@code
 *       failed/} and is logged with its cause, as before.
 * </ul>
 */
@Dependent
public class FileRouteConfiguration extends RouteConfigurationBuilder {
  /** The id each inbound file route names with {@code routeConfigurationId}. */
  public static final String ID = "inbound-files";

  /** The longest pause between two runs, whatever the doubling gives. */
  static final long MAX_REDELIVERY_DELAY_MS = 60_000;

  private static final String FAILED =
      "file ${header.CamelFileName} of route ${routeId} failed and was moved to failed/:"
          + " ${exception.message}";

  @Inject FileSettings settings;

  /** The configuration with {@code settings}, for route tests outside the container. */
  public static FileRouteConfiguration of(FileSettings settings) {
    FileRouteConfiguration c = new FileRouteConfiguration();
    c.settings = settings;
    return c;
  }

  @Override
  public void configuration() {
    var files = routeConfiguration(ID);
    // declared first: of two clauses for the same type, Camel takes the first whose onWhen holds
    files
        .onException(Exception.class)
        .onWhen(exchange -> isTransientDatabaseFault(failure(exchange)))
        .maximumRedeliveries(settings.redeliveries())
        .redeliveryDelay(settings.redeliveryDelayMillis())
        .useExponentialBackOff()
        .backOffMultiplier(2)
        .useCollisionAvoidance()
        .maximumRedeliveryDelay(MAX_REDELIVERY_DELAY_MS)
        .retryAttemptedLogLevel(LoggingLevel.WARN)
        .log(LoggingLevel.ERROR, FAILED)
        .handled(false);
    files.onException(Exception.class).log(LoggingLevel.ERROR, FAILED).handled(false);
  }

  /**
   * A fault the database may not have the next time: it could not be reached or went away
   * (connection refused, SQL state class 08, shut down; {@link DatabaseFailures#isUnavailable}),
   * PostgreSQL aborted the transaction for a deadlock or serialization failure ({@link
   * DatabaseFailures#isRetryable}), or the driver calls it transient ({@link
   * SQLTransientException}), anywhere in the cause chain.
   */
  public static boolean isTransientDatabaseFault(Throwable failure) {
    return failure != null
        && (DatabaseFailures.isUnavailable(failure)
            || DatabaseFailures.isRetryable(failure)
            || ObjectHelper.getException(SQLTransientException.class, failure) != null);
  }

  private static Throwable failure(Exchange exchange) {
    Throwable e = exchange.getException();
    return e != null ? e : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
  }
}
