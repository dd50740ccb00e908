package org.openmiles.app.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * No token, no answer: a request to the API without an authenticated caller is refused with {@code
 * 401 UNAUTHENTICATED} before the REST layer even matches it to an operation, so an anonymous
 * caller learns nothing (not which paths exist, nor which media types an operation takes). Which
 * roles may call an operation is {@link AccessControl}'s part.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class Authenticated implements ContainerRequestFilter {
  @Override
  public void filter(ContainerRequestContext request) {
    var security = request.getSecurityContext();
    if (security == null || security.getUserPrincipal() == null) {
      request.abortWith(AccessControl.Check.unauthenticated("/" + request.getUriInfo().getPath()));
    }
  }
}
