package org.openmiles.common.web;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;
import org.openmiles.common.OpenMilesException;

/** Business refusals become problem+json with their stable code; they are expected, so no stack. */
@Provider
public class OpenMilesExceptionMapper implements ExceptionMapper<OpenMilesException> {
  private static final Logger LOG = Logger.getLogger(OpenMilesExceptionMapper.class.getName());

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(OpenMilesException e) {
    String path = uriInfo == null ? null : "/" + uriInfo.getPath();
    LOG.fine(() -> "refused " + path + ": " + e.code() + " " + e.getMessage());
    return Problems.refusal(e, path);
  }
}
