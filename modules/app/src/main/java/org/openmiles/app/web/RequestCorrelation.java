package org.openmiles.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.openmiles.common.observability.Correlation;

/**
 * Gives every HTTP request its correlation id (ADR 0035): the caller's {@code X-Request-Id} when it
 * is well formed (the edge sets one when the client did not), else a new {@code req-…} id. The id
 * is this thread's {@link Correlation} while the request runs, so the ledger entries, outbox events
 * and audit rows it writes and its log lines carry it, and it goes back in the answer's {@code
 * X-Request-Id} for the caller to quote.
 */
@WebFilter(filterName = "request-correlation", urlPatterns = "/*", asyncSupported = true)
public class RequestCorrelation extends HttpFilter {

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String id = Correlation.acceptOrNew(request.getHeader(Correlation.HEADER), "req");
    response.setHeader(Correlation.HEADER, id);
    try (Correlation.Scope s = Correlation.open(id)) {
      chain.doFilter(request, response);
    }
  }
}
