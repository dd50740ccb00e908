package org.openmiles.app.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.openmiles.common.observability.Correlation;

/**
 * The correlation id in the published description (ADR 0035): every {@code /api} operation takes an
 * optional {@code X-Request-Id} ({@code RequestId} in the components' parameters) and every answer,
 * errors included, carries the id its request ran under ({@code X-Request-Id} in the components'
 * headers). Runs after {@link ProblemResponsesInOpenApi}, so the common error answers get the
 * header too.
 */
public class RequestIdInOpenApi implements OASFilter {
  static final String PARAMETER = "RequestId";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    Schema id =
        OASFactory.createSchema()
            .type(Schema.SchemaType.STRING)
            .maxLength(Correlation.MAX_LENGTH)
            .pattern("^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$");
    openAPI
        .getComponents()
        .addParameter(
            PARAMETER,
            OASFactory.createParameter()
                .name(Correlation.HEADER)
                .in(Parameter.In.HEADER)
                .required(false)
                .description(
                    "An id to find this call by later (docs/api.md); the answer carries it back."
                        + " Without one, or with one outside the pattern, the call gets a new id.")
                .schema(id))
        .addHeader(
            Correlation.HEADER,
            OASFactory.createHeader()
                .description(
                    "The id the request ran under: the caller's X-Request-Id or a new one. Kept"
                        + " with the ledger entries the call wrote and on its log lines.")
                .schema(id));
    ApiOperations.each(openAPI, (template, method, op) -> describe(op));
  }

  private static void describe(Operation op) {
    op.addParameter(OASFactory.createParameter().ref("#/components/parameters/" + PARAMETER));
    if (op.getResponses() == null || op.getResponses().getAPIResponses() == null) {
      return;
    }
    Header header = OASFactory.createHeader().ref("#/components/headers/" + Correlation.HEADER);
    op.getResponses()
        .getAPIResponses()
        .values()
        .forEach(r -> r.addHeader(Correlation.HEADER, header));
  }
}
