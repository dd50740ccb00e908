package org.openmiles.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * HTTP Strict Transport Security on every answer that went over TLS: a browser that saw it uses
 * only HTTPS for this host for {@code openmiles.http.hsts.max-age} seconds (a year by default; 0
 * sends no header, which {@code ./openmiles run --tls} does so that a developer's browser does not
 * pin {@code localhost} to HTTPS). Plain-HTTP answers never carry it (browsers ignore it there).
 */
@WebFilter(
    filterName = "strict-transport",
    urlPatterns = "/*",
    asyncSupported = true,
    dispatcherTypes = {
      jakarta.servlet.DispatcherType.REQUEST,
      jakarta.servlet.DispatcherType.ERROR
    })
public class StrictTransport extends HttpFilter {
  private long maxAge = 31_536_000;

  @Override
  public void init(FilterConfig config) throws ServletException {
    super.init(config);
    maxAge =
        ConfigProvider.getConfig()
            .getOptionalValue("openmiles.http.hsts.max-age", Long.class)
            .orElse(maxAge);
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.isSecure() && maxAge > 0) {
      response.setHeader("Strict-Transport-Security", "max-age=" + maxAge);
    }
    chain.doFilter(request, response);
  }
}
