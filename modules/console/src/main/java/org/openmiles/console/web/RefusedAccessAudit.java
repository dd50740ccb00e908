package org.openmiles.console.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.openmiles.common.web.ClientAddresses;
import org.openmiles.console.application.AuditTrail;
import org.openmiles.console.security.ConsoleCaller;

/**
 * Audits a console page refused to a logged-in user for their role: the container answers 403 and
 * shows {@code denied.xhtml}, and this filter, mapped to that error dispatch in {@code
 * web-fragment.xml}, writes {@code ACCESS_DENIED} with the user, the method and the address asked
 * for, whether it was opened by URL or a form was posted to it. A user who is not logged in is sent
 * to the login page instead and is not audited here (there is no user to name).
 */
public class RefusedAccessAudit extends HttpFilter {
  @Inject AuditTrail audit;
  @Inject ClientAddresses clientAddresses;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String user = user(request);
    if (Integer.valueOf(HttpServletResponse.SC_FORBIDDEN).equals(status)
        && uri != null
        && user != null) {
      String page = uri.toString().substring(request.getContextPath().length());
      audit.refused(user, request.getMethod() + " " + page, clientAddresses.of(request));
    }
    chain.doFilter(request, response);
  }

  /** The container's caller, or the console user of the session the request came with. */
  private static String user(HttpServletRequest request) {
    if (request.getRemoteUser() != null) {
      return request.getRemoteUser();
    }
    HttpSession session = request.getSession(false);
    return session != null
            && session.getAttribute(ConsoleCaller.SESSION_ATTRIBUTE) instanceof ConsoleCaller c
        ? c.username()
        : null;
  }
}
