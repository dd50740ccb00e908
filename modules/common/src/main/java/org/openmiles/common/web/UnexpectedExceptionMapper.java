package org.openmiles.common.web;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openmiles.common.OpenMilesException;
import org.openmiles.common.tx.DatabaseFailures;

/**
 * Anything else: bad JSON bodies become 400; a database that cannot be reached becomes 503
 * DATABASE_UNAVAILABLE and a transaction the database kept aborting (deadlocks, serialization
 * failures, after the retries of ADR 0023) 503 TRANSACTION_CONFLICT, both with Retry-After; true
 * faults become 500 with an incident id. Every one of them carries an incident id that is both
 * logged (with the stack) and returned, so support can find the log line from the client's report.
 * Business exceptions wrapped by the container are unwrapped and mapped as themselves.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {
  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(Exception e) {
    String path = uriInfo == null ? null : "/" + uriInfo.getPath();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OpenMilesException ome) {
        OpenMilesExceptionMapper m = new OpenMilesExceptionMapper();
        m.uriInfo = uriInfo;
        return m.toResponse(ome);
      }
      if (t instanceof JsonbException
          || t instanceof JsonException
          || t instanceof ProcessingException) {
        return StrictJsonb.unreadable(t, path);
      }
    }
    String incident = UUID.randomUUID().toString();
    for (Transient kind : Transient.values()) {
      if (kind.matches(e)) {
        LOG.log(Level.WARNING, "incident " + incident + " on " + path + ": " + kind, e);
        Response problem =
            Problems.response(
                503,
                kind.name(),
                Problems.title(kind.name()),
                kind.detail
                    + " Retrying with the same source reference or Idempotency-Key is"
                    + " safe. If it keeps failing, quote incident "
                    + incident
                    + " to support.",
                path,
                Map.of("incident", incident));
        return Response.fromResponse(problem)
            .header("Retry-After", Integer.toString(kind.retryAfterSeconds))
            .build();
      }
    }
    LOG.log(Level.SEVERE, "incident " + incident + " on " + path, e);
    return Problems.response(
        500,
        "INTERNAL_ERROR",
        "Internal error",
        "Something went wrong on our side and the request may not have completed. Retrying with"
            + " the same source reference or Idempotency-Key is safe. If it keeps failing, quote"
            + " incident "
            + incident
            + " to support.",
        path,
        Map.of("incident", incident));
  }

  /** Failures that pass: 503 with a stable code and a Retry-After in seconds. */
  enum Transient {
    DATABASE_UNAVAILABLE(
        5,
        "The database cannot be reached right now, and the request may not have completed."
            + " Retry after the seconds in Retry-After.") {
      @Override
      boolean matches(Exception e) {
        return DatabaseFailures.isUnavailable(e);
      }
    },
    TRANSACTION_CONFLICT(
        1,
        "The request collided with concurrent requests for the same data several times and was"
            + " rolled back each time.") {
      @Override
      boolean matches(Exception e) {
        return DatabaseFailures.isRetryable(e);
      }
    };

    final int retryAfterSeconds;
    final String detail;

    Transient(int retryAfterSeconds, String detail) {
      this.retryAfterSeconds = retryAfterSeconds;
      this.detail = detail;
    }

    abstract boolean matches(Exception e);
  }
}
