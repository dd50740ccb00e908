package org.openmiles.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Limits the application enforces itself, below the listener's much higher ones ({@code
 * header-buffer-length-bytes} in {@code config/pre-boot.asadmin}), so that a client over them gets
 * an answer it can read instead of the listener's empty 400 (ADR 0027):
 *
 * <ul>
 *   <li>an address (path and query) over {@code openmiles.http.max-uri-length} characters (8192):
 *       {@code 414 URI_TOO_LONG};
 *   <li>request headers over {@code openmiles.http.max-header-bytes} (16384) in all: {@code 431
 *       HEADERS_TOO_LARGE};
 *   <li>a query with a {@code %} not followed by two hex digits: {@code 400 MALFORMED_URI} (the
 *       REST layer would take it literally).
 * </ul>
 *
 * Under {@code /api} the answer is problem+json; elsewhere the container's error page for the
 * status, a console page.
 */
@WebFilter(filterName = "request-limits", urlPatterns = "/*", asyncSupported = true)
public class RequestLimits extends HttpFilter {
  private int maxUriLength = 8192;
  private int maxHeaderBytes = 16384;

  @Override
  public void init(FilterConfig config) throws ServletException {
    super.init(config);
    var c = ConfigProvider.getConfig();
    maxUriLength =
        c.getOptionalValue("openmiles.http.max-uri-length", Integer.class).orElse(maxUriLength);
    maxHeaderBytes =
        c.getOptionalValue("openmiles.http.max-header-bytes", Integer.class).orElse(maxHeaderBytes);
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String query = request.getQueryString();
    int uriLength = request.getRequestURI().length() + (query == null ? 0 : query.length() + 1);
    if (uriLength > maxUriLength) {
      EdgeAnswers.refuse(
          request,
          response,
          414,
          "URI_TOO_LONG",
          "The address (path and query) is "
              + uriLength
              + " characters long; at most "
              + maxUriLength
              + " are read. Send long input in a request body.");
      return;
    }
    long headerBytes = headerBytes(request);
    if (headerBytes > maxHeaderBytes) {
      EdgeAnswers.refuse(
          request,
          response,
          431,
          "HEADERS_TOO_LARGE",
          "The request headers hold "
              + headerBytes
              + " bytes; at most "
              + maxHeaderBytes
              + " are read.");
      return;
    }
    if (query != null && !wellEncoded(query)) {
      EdgeAnswers.refuse(
          request,
          response,
          400,
          "MALFORMED_URI",
          "The query has a '%' that is not followed by two hexadecimal digits.");
      return;
    }
    chain.doFilter(request, response);
  }

  /** Header names and values as they came, with the colon, space and line end of each. */
  static long headerBytes(HttpServletRequest request) {
    long total = 0;
    for (String name : Collections.list(request.getHeaderNames())) {
      for (String value : Collections.list(request.getHeaders(name))) {
        total += name.length() + 2L + value.length() + 2L;
      }
    }
    return total;
  }

  /** Whether every {@code %} in a raw (undecoded) string starts a two-digit hex escape. */
  static boolean wellEncoded(String raw) {
    for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
      if (i + 2 >= raw.length() || !hex(raw.charAt(i + 1)) || !hex(raw.charAt(i + 2))) {
        return false;
      }
    }
    return true;
  }

  private static boolean hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
