package org.openmiles.app.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openmiles.common.jdbc.Jdbc;
import org.openmiles.common.security.ApiRoles;
import org.openmiles.common.security.Callers;
import org.openmiles.common.text.Texts;

/**
 * The API's own audit trail ({@code security.api_audit}, append-only): every call that may change
 * something (any method but GET, HEAD and OPTIONS) and every refused call (401, 403), with the
 * authenticated principal, its API roles, the operation as the access matrix names it, the path,
 * the status and the Idempotency-Key. Written once the answer is known, after the operation's own
 * transaction; a failure to write is logged and does not change the answer.
 */
@Provider
@ApplicationScoped
public class ApiAudit implements ContainerResponseFilter {
  private static final Logger LOG = Logger.getLogger(ApiAudit.class.getName());

  @Inject Jdbc jdbc;

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String method = request.getMethod();
    int status = response.getStatus();
    boolean reads =
        method.equals(HttpMethod.GET)
            || method.equals(HttpMethod.HEAD)
            || method.equals(HttpMethod.OPTIONS);
    if (reads && status != 401 && status != 403) {
      return;
    }
    SecurityContext security = request.getSecurityContext();
    boolean known = security != null && security.getUserPrincipal() != null;
    String subject = known ? Callers.subject(security) : "-";
    TreeSet<String> roles = new TreeSet<>();
    if (known) {
      ApiRoles.ALL.stream().filter(security::isUserInRole).forEach(roles::add);
    }
    String path = "/" + request.getUriInfo().getPath();
    String operation =
        request.getProperty(AccessControl.OPERATION) instanceof AccessMatrix.Operation op
            ? op.path()
            : path; // refused before matching: no operation yet
    String key = request.getHeaderString("Idempotency-Key");
    try {
      jdbc.update(
          "record an API call in the audit trail",
          "insert into security.api_audit (subject, roles, method, operation, path, status,"
              + " idempotency_key) values (?, ?, ?, ?, ?, ?, ?)",
          (c, ps) -> {
            ps.setString(1, Texts.truncate(subject, 200));
            ps.setString(2, Texts.truncate(String.join(",", roles), 200));
            ps.setString(3, Texts.truncate(method, 7));
            ps.setString(4, Texts.truncate(operation, 200));
            ps.setString(5, Texts.truncate(path, 500));
            ps.setShort(6, (short) status);
            ps.setString(7, Texts.truncate(key, 120));
          });
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "could not record " + method + " " + operation + " in the audit trail", e);
    }
  }
}
