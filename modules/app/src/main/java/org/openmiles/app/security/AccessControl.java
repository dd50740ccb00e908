package org.openmiles.app.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openmiles.app.security.AccessMatrix.Grant;
import org.openmiles.app.security.AccessMatrix.Operation;
import org.openmiles.common.security.Callers;
import org.openmiles.common.web.Problems;

/**
 * Enforces the {@link AccessMatrix} on every API operation: each resource method gets a filter, run
 * before anything else of the request, that lets the call through only for a caller with a verified
 * token holding one of the operation's roles (and, for an own-resource rule, only for its own
 * resource). No token, or one the server did not accept: 401 {@code UNAUTHENTICATED}. A valid token
 * without a listed role: 403 {@code FORBIDDEN}. An operation the matrix does not list is refused to
 * everyone (and the build's {@code AccessMatrixTest} fails first).
 */
@Provider
public class AccessControl implements DynamicFeature {
  private static final Logger LOG = Logger.getLogger(AccessControl.class.getName());
  private static final AccessMatrix MATRIX = AccessMatrix.load();

  /** The request property under which the check leaves the {@link Operation} it matched. */
  public static final String OPERATION = AccessControl.class.getName() + ".operation";

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    Optional<Operation> op = operationOf(resource.getResourceClass(), resource.getResourceMethod());
    if (op.isEmpty()) {
      return;
    }
    List<Grant> grants = MATRIX.grants(op.get()).orElse(null);
    if (grants == null && resource.getResourceClass().getName().startsWith("org.openmiles.")) {
      LOG.log(
          Level.SEVERE,
          "{0} has no row in the access matrix: refused to every caller until one is added",
          op.get());
    }
    if (grants == null) {
      grants = List.of(); // the platform's own resources too: nothing is open by default
    }
    context.register(new Check(op.get(), grants));
  }

  /** The operation a resource method serves, or empty for a method without an HTTP method. */
  static Optional<Operation> operationOf(Class<?> type, Method method) {
    String verb = null;
    for (Annotation a : method.getAnnotations()) {
      HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        verb = http.value();
      }
    }
    if (verb == null) {
      return Optional.empty();
    }
    Path base = type.getAnnotation(Path.class);
    Path sub = method.getAnnotation(Path.class);
    String path = (base == null ? "" : base.value()) + "/" + (sub == null ? "" : sub.value());
    return Optional.of(new Operation(verb, path));
  }

  /** The check of one operation. */
  @Priority(Priorities.AUTHENTICATION)
  static final class Check implements ContainerRequestFilter {
    private final Operation op;
    private final List<Grant> grants;

    Check(Operation op, List<Grant> grants) {
      this.op = op;
      this.grants = grants;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      request.setProperty(OPERATION, op);
      SecurityContext security = request.getSecurityContext();
      String path = "/" + request.getUriInfo().getPath();
      if (security == null || security.getUserPrincipal() == null) {
        request.abortWith(unauthenticated(path));
        return;
      }
      for (Grant g : grants) {
        if (security.isUserInRole(g.role())
            && (!g.own()
                || Callers.subject(security)
                    .equals(request.getUriInfo().getPathParameters().getFirst(g.ownParam())))) {
          return;
        }
      }
      request.abortWith(
          Problems.response(
              403,
              "FORBIDDEN",
              "Forbidden",
              grants.isEmpty()
                  ? op + " is not open to any caller."
                  : "The token's roles do not allow " + op + " (for this resource).",
              path,
              Map.of()));
    }

    static Response unauthenticated(String path) {
      Response r =
          Problems.response(
              401,
              "UNAUTHENTICATED",
              "Unauthenticated",
              "This operation needs a bearer token from the identity provider"
                  + " (Authorization: Bearer <token>); none was sent, or it was not accepted.",
              path,
              Map.of());
      return Response.fromResponse(r).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
  }
}
