package org.openmiles.console.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every answer of the WAR (mapped in the console's {@code web-fragment.xml}):
 * no MIME sniffing, no referrer, no framing. Console pages and API answers carry personal data, so
 * browsers and proxies must not store them ({@code no-store}); the Faces resources (scripts,
 * styles, images) stay cacheable. On console pages PrimeFaces adds the Content-Security-Policy with
 * its per-request script nonce ({@code primefaces.CSP_POLICY}); this filter adds a second policy
 * that holds for every console answer, Faces or not: no framing, no plugins, forms and base URL
 * only to the console's own origin. A browser applies both policies.
 */
public class SecurityHeadersFilter extends HttpFilter {
  static final String CONSOLE_POLICY =
      "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith("/jakarta.faces.resource/")) {
      // an API resource that may be cached says so itself, which replaces this
      response.setHeader("Cache-Control", "no-store");
    }
    if (!path.startsWith("/api/")) {
      response.setHeader("Content-Security-Policy", CONSOLE_POLICY);
    }
    chain.doFilter(request, response);
  }
}
