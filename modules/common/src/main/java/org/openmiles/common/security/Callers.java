package org.openmiles.common.security;

import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The authenticated caller of an API request, as every change records it: the verified token's
 * subject ({@code sub}), never a name the request body carries.
 */
public final class Callers {
  private Callers() {}

  /**
   * The subject of the verified token behind {@code security}.
   *
   * @throws NotAuthorizedException if the request is not authenticated (the access filter refuses
   *     such requests first; this is the second line)
   */
  public static String subject(SecurityContext security) {
    Principal p = security == null ? null : security.getUserPrincipal();
    if (p == null) {
      throw new NotAuthorizedException("Bearer");
    }
    String subject = p instanceof JsonWebToken jwt ? jwt.getSubject() : null;
    return subject == null || subject.isBlank() ? p.getName() : subject;
  }
}
