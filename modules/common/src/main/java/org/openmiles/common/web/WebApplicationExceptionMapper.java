package org.openmiles.common.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.openmiles.common.OpenMilesException;

/**
 * JAX-RS's own refusals (unknown path, wrong method, unreadable JSON body) get the same problem
 * shape as ours, with codes a client can branch on.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    String code = Problems.codeFor(status);
    String detail =
        status == 503
            ? e.getMessage()
            : status == 400
                ? "The request body or parameters could not be read: check the JSON syntax and field types."
                : e.getMessage();
    String path = uriInfo == null ? null : "/" + uriInfo.getPath();
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof OpenMilesException refusal) {
        // a parameter converter or body reader that refused with our own code
        return Problems.refusal(refusal, path);
      }
    }
    if (status == 400 && e.getCause() != null) {
      return StrictJsonb.unreadable(e, path);
    }
    return Problems.response(status, code, Problems.title(code), detail, path, Map.of());
  }
}
