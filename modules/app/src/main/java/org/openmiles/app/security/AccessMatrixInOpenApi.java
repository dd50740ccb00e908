package org.openmiles.app.security;

import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.openmiles.app.security.AccessMatrix.Grant;
import org.openmiles.app.security.AccessMatrix.Operation;
import org.openmiles.app.web.ApiOperations;

/**
 * The published description says who may call what, from the same access matrix the server
 * enforces: every operation gets {@code x-openmiles-roles} (e.g. {@code ["operations", "auditor",
 * "partner[code]"]}) and the document requires a bearer token ({@code apiToken}). Registered with
 * {@code mp.openapi.filter}.
 */
public class AccessMatrixInOpenApi implements OASFilter {
  /** The security scheme every operation requires. */
  public static final String SCHEME = "apiToken";

  /** The extension naming an operation's roles. */
  public static final String ROLES = "x-openmiles-roles";

  private static final AccessMatrix MATRIX = AccessMatrix.load();

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    // ApiDescription gives the document its components before any step runs
    Components components = openAPI.getComponents();
    components.addSecurityScheme(
        SCHEME,
        OASFactory.createSecurityScheme()
            .type(SecurityScheme.Type.HTTP)
            .scheme("bearer")
            .bearerFormat("JWT")
            .description(
                "A JWT from the operator's identity provider carrying API roles in 'groups'"
                    + " (docs/security.md); each operation's x-openmiles-roles names the roles it"
                    + " takes."));
    openAPI.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SCHEME));
    ApiOperations.each(
        openAPI,
        (template, method, op) -> {
          List<String> roles =
              MATRIX.grants(new Operation(method.name(), template)).orElse(List.of()).stream()
                  .map(Grant::toString)
                  .collect(Collectors.toList());
          op.addExtension(ROLES, roles);
        });
  }
}
