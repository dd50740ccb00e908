package org.openmiles.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.openmiles.common.web.Problems;

/**
 * How the edge answers a refusal: problem+json with a stable code for the API, the container's
 * error page (a console page, {@link ErrorDocuments}) for everything else.
 */
final class EdgeAnswers {
  private EdgeAnswers() {}

  /** Whether a path inside the application (without the context root) belongs to the API. */
  static boolean isApi(String path) {
    return path != null && (path.equals("/api") || path.startsWith("/api/"));
  }

  static void problem(HttpServletResponse response, int status, String code, String detail)
      throws IOException {
    response.resetBuffer();
    response.setStatus(status);
    response.setContentType(Problems.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(Problems.document(status, code, detail, null));
    response.flushBuffer();
  }

  /** The refusal of a request: problem+json under /api, the console's page elsewhere. */
  static void refuse(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String code,
      String detail)
      throws IOException {
    if (isApi(request.getServletPath())) {
      problem(response, status, code, detail);
    } else {
      response.sendError(status);
    }
  }
}
