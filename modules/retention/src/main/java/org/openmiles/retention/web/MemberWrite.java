package org.openmiles.retention.web;

import jakarta.ws.rs.core.SecurityContext;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.common.security.Callers;
import org.openmiles.common.web.RequestBodies;

/**
 * What a write about one member starts with: the member number of the path (400 VALIDATION_FAILED
 * if it is not one), the body (required), and the caller, the token's subject, which the module
 * records as the principal and keys Idempotency-Keys by. Whether the member exists is the service's
 * to say (404 MEMBER_NOT_FOUND).
 */
record MemberWrite(MemberNumber member, String caller) {
  static MemberWrite of(String number, Object body, SecurityContext security) {
    MemberNumber member = MemberNumber.fromRequest(number);
    RequestBodies.require(body);
    return new MemberWrite(member, Callers.subject(security));
  }
}
