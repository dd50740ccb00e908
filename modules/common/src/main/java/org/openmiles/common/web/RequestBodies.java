package org.openmiles.common.web;

import org.openmiles.common.ValidationException;

/**
 * A request's JSON body as a resource method receives it: {@code null} when the request had none,
 * which is a {@code 400 VALIDATION_FAILED} naming {@code body}, never a {@code
 * NullPointerException}.
 */
public final class RequestBodies {
  private RequestBodies() {}

  /** {@code body}, or 400 with the reason "a JSON request body is required". */
  public static <T> T require(T body) {
    return require(body, "a JSON request body is required");
  }

  /** {@code body}, or 400 naming {@code body} with {@code reason}. */
  public static <T> T require(T body, String reason) {
    if (body == null) {
      throw ValidationException.of("body", reason);
    }
    return body;
  }
}
