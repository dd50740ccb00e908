package org.openmiles.common.web;

import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A transaction that failed at its boundary (typically a commit refused by the database) as
 * problem+json like every other failure, instead of the server's HTML page: Jersey registers its
 * own mapper for {@link TransactionalException}, which rethrows. The services marked {@code
 * RetriedTransaction} never let this exception out (ADR 0023); this mapper is for the rest, where
 * Jersey picks it over its own.
 */
@Provider
public class TransactionalExceptionMapper implements ExceptionMapper<TransactionalException> {
  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(TransactionalException e) {
    UnexpectedExceptionMapper m = new UnexpectedExceptionMapper();
    m.uriInfo = uriInfo;
    return m.toResponse(e);
  }
}
