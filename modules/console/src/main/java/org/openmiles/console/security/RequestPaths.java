package org.openmiles.console.security;

import java.util.Locale;

/**
 * How the authentication mechanism tells the API from the console: by the servlet path the
 * container mapped the request to, never by the raw URI, and never for a raw URI that a path
 * normalisation would change.
 */
final class RequestPaths {
  private RequestPaths() {}

  /** Whether the container mapped the request to the REST application under {@code /api}. */
  static boolean isApi(String servletPath) {
    return "/api".equals(servletPath) || (servletPath != null && servletPath.startsWith("/api/"));
  }

  /**
   * Whether a raw request URI (as sent, before decoding) has a {@code .} or {@code ..} segment, an
   * encoded dot, slash or backslash, a raw backslash, or a path parameter ({@code ;}), any of which
   * the container could resolve to a path other than the one the URI seems to name.
   */
  static boolean hasDotSegmentOrEncodedSeparator(String rawUri) {
    if (rawUri == null) {
      return false;
    }
    String u = rawUri.toLowerCase(Locale.ROOT);
    int query = u.indexOf('?');
    if (query >= 0) {
      u = u.substring(0, query);
    }
    if (u.contains("%2e")
        || u.contains("%2f")
        || u.contains("%5c")
        || u.contains("%25")
        || u.indexOf('\\') >= 0
        || u.indexOf(';') >= 0) {
      return true;
    }
    for (String segment : u.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        return true;
      }
    }
    return false;
  }
}
