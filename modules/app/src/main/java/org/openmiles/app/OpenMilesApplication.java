package org.openmiles.app;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.openmiles.common.security.ApiRoles;

/**
 * All REST resources of all modules, under {@code /api}.
 *
 * <p>MicroProfile JWT is the authentication mechanism (ADR 0010, ADR 0025): every operation needs a
 * bearer token from the operator's identity provider, and the access matrix ({@code
 * security.AccessControl}, docs/security.md) says which API roles may call it. A token's {@code
 * groups} become API roles only ({@code common.security.ApiRoles}; {@code WEB-INF/payara-web.xml}
 * maps each to the role of the same name). The class must be a CDI bean: Payara's MP-JWT extension
 * finds {@code @LoginConfig} only on beans (this WAR discovers annotated beans only). Keys, issuer
 * and audience: {@code mp.jwt.verify.*} from MicroProfile Config.
 */
@ApplicationPath("api")
@ApplicationScoped // a CDI bean, so Payara's MP-JWT extension sees @LoginConfig (it looks at beans)
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({
  ApiRoles.BOOKING_ENGINE,
  ApiRoles.PARTNER,
  ApiRoles.BACK_OFFICE,
  ApiRoles.OPERATIONS,
  ApiRoles.AUDITOR,
  ApiRoles.MEMBER_APP,
  ApiRoles.MARKETING,
  ApiRoles.PROGRAM_MANAGER,
  ApiRoles.PROGRAM_APPROVER
})
@OpenAPIDefinition(
    info =
        @Info(
            title = "OpenMiles API",
            version = "1",
            description =
                "Frequent-flyer miles platform. Errors are RFC 9457 problem+json documents with a"
                    + " stable `code`; every mutation takes a source reference or Idempotency-Key"
                    + " so that a retry has exactly one effect."))
public class OpenMilesApplication extends Application {
  /**
   * No WADL: the published description is /openapi, and an unauthenticated description of every
   * resource would be one more thing to keep out of reach.
   */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
