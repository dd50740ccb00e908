package org.openmiles.app.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.openmiles.common.web.Problems;

/**
 * The error answers every operation can give, described once: each 4xx and 5xx response of every
 * {@code /api} operation is an RFC 9457 {@code application/problem+json} document ({@code Problem}
 * in the components), and every operation lists the refusals any call may meet (a bad request, no
 * or a wrong token, a missing role, an unexpected fault, the database away), in addition to the
 * ones its resource names. Resources name only their own business refusals.
 */
public class ProblemResponsesInOpenApi implements OASFilter {
  /** The schema every error answer refers to. */
  public static final String PROBLEM = "Problem";

  /** The refusals any operation may answer, by status. */
  static final Map<String, String> ANY_OPERATION = new LinkedHashMap<>();

  static {
    ANY_OPERATION.put(
        "400",
        "VALIDATION_FAILED, MALFORMED_REQUEST, INVALID_JSON_VALUE, DUPLICATE_JSON_KEY,"
            + " CONTROL_CHARACTER, UNSAFE_PATH, MALFORMED_URI (docs/api.md, error codes)");
    ANY_OPERATION.put("401", "UNAUTHENTICATED: no bearer token, or one the server does not accept");
    ANY_OPERATION.put(
        "403", "FORBIDDEN: the token's roles do not allow the operation (x-openmiles-roles)");
    ANY_OPERATION.put("414", "URI_TOO_LONG");
    ANY_OPERATION.put("431", "HEADERS_TOO_LARGE");
    ANY_OPERATION.put("500", "INTERNAL_ERROR, with an incident id to quote");
    ANY_OPERATION.put(
        "503", "DATABASE_UNAVAILABLE, TRANSACTION_CONFLICT: try again after Retry-After");
  }

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    // ApiDescription gives the document its components before any step runs
    Components components = openAPI.getComponents();
    components.addSchema(PROBLEM, problemSchema());
    ApiOperations.each(openAPI, (template, method, op) -> describe(op));
  }

  private static void describe(Operation op) {
    APIResponses responses = op.getResponses();
    if (responses == null) {
      responses = OASFactory.createAPIResponses();
      op.setResponses(responses);
    }
    for (Map.Entry<String, String> any : ANY_OPERATION.entrySet()) {
      if (!responses.hasAPIResponse(any.getKey())) {
        responses.addAPIResponse(
            any.getKey(), OASFactory.createAPIResponse().description(any.getValue()));
      }
    }
    if (op.getRequestBody() != null && !responses.hasAPIResponse("413")) {
      responses.addAPIResponse(
          "413", OASFactory.createAPIResponse().description("REQUEST_TOO_LARGE: over 1 MiB"));
    }
    for (Map.Entry<String, APIResponse> r : responses.getAPIResponses().entrySet()) {
      if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
        r.getValue().setContent(problemContent());
      }
    }
  }

  private static Content problemContent() {
    return OASFactory.createContent()
        .addMediaType(
            Problems.MEDIA_TYPE,
            OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM)));
  }

  private static Schema problemSchema() {
    return OASFactory.createSchema()
        .type(Schema.SchemaType.OBJECT)
        .description(
            "An RFC 9457 problem document. code is stable: clients branch on it, never on title"
                + " or detail (docs/api.md lists every code).")
        .addProperty("type", string("a URI naming the problem, from its code"))
        .addProperty("title", string("a short summary, for people"))
        .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER))
        .addProperty("code", string("the stable code (VALIDATION_FAILED, HOLD_NOT_FOUND, ...)"))
        .addProperty("detail", string("what happened and what to do next, for people"))
        .addProperty("instance", string("the path called"))
        .addProperty("incident", string("for INTERNAL_ERROR and 503s: the id to quote to support"))
        .addProperty(
            "errors",
            OASFactory.createSchema()
                .type(Schema.SchemaType.OBJECT)
                .description("VALIDATION_FAILED: the reason for each field or parameter")
                .additionalPropertiesSchema(
                    OASFactory.createSchema().type(Schema.SchemaType.STRING)))
        .addRequired("type")
        .addRequired("title")
        .addRequired("status")
        .addRequired("code");
  }

  private static Schema string(String description) {
    return OASFactory.createSchema().type(Schema.SchemaType.STRING).description(description);
  }
}
