package org.openmiles.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** All REST resources of all modules, under {@code /api}. */
@ApplicationPath("api")
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
