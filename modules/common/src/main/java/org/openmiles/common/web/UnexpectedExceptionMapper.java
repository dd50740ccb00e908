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

/**
 * Anything else: bad JSON bodies become 400; true faults become 500 with an incident id that is
 * both logged (with the stack) and returned, so support can find the log line from the client's
 * report. Business exceptions wrapped by the container are unwrapped and mapped as themselves.
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
}
