package org.openmiles.app;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * All REST resources of all modules, under {@code /api}.
 *
 * <p>MicroProfile JWT is the authentication mechanism (ADR 0010). Only resources with
 * {@code @RolesAllowed} need a token (today the Cash &amp; Miles API, role {@code booking-engine},
 * mapped from the token's {@code groups} claim by {@code WEB-INF/payara-web.xml}); every other
 * endpoint still answers without one. The class must be a CDI bean: Payara's MP-JWT extension finds
 * {@code @LoginConfig} only on beans (this WAR discovers annotated beans only). Key and issuer:
 * {@code mp.jwt.verify.publickey.location} (or {@code .publickey}) and {@code
 * mp.jwt.verify.issuer}, from MicroProfile Config.
 */
@ApplicationPath("api")
@ApplicationScoped // a CDI bean, so Payara's MP-JWT extension sees @LoginConfig (it looks at beans)
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({"booking-engine"})
@OpenAPIDefinition(
    info =
        @Info(
            title = "OpenMiles API",
            version = "1",
            description =
                "Frequent-flyer miles platform. Errors are RFC 9457 problem+json documents with a"
                    + " stable `code`; every mutation takes a source reference or Idempotency-Key"
                    + " so that a retry has exactly one effect."))
public class OpenMilesApplication extends Application {}
