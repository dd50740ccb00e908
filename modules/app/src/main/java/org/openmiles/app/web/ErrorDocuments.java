package org.openmiles.app.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.openmiles.common.web.Problems;

/**
 * The container's error page for the statuses the console's {@code web-fragment.xml} sends here
 * (400, 405, 414, 431, 500): an error of an {@code /api} address becomes problem+json with the
 * status's stable code ({@link Problems#codeFor}); any other address gets a console page ({@code
 * badrequest.xhtml} for a 4xx, {@code error.xhtml} for a 5xx). Reached only as an error page: a
 * direct request is answered as an unknown address.
 */
@WebServlet(name = "error-documents", urlPatterns = ErrorDocuments.PATH)
public class ErrorDocuments extends HttpServlet {
  static final String PATH = "/error-document";

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    if (request.getDispatcherType() != DispatcherType.ERROR) {
      response.sendError(404);
      return;
    }
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : 500;
    String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path =
        uri == null ? "" : uri.substring(Math.min(uri.length(), request.getContextPath().length()));
    if (EdgeAnswers.isApi(path)) {
      String stable = Problems.codeFor(status);
      EdgeAnswers.problem(
          response,
          status,
          stable,
          status >= 500
              ? "The server could not answer this request."
              : "The server refused the request before it reached an operation (" + status + ").");
      return;
    }
    response.setStatus(status);
    request
        .getRequestDispatcher(status >= 500 ? "/console/error.xhtml" : "/console/badrequest.xhtml")
        .forward(request, response);
  }
}
