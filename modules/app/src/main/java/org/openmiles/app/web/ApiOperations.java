package org.openmiles.app.web;

import java.util.Map;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/** The operations of an OpenAPI document under {@code /api}, for the filters that describe them. */
public final class ApiOperations {
  private ApiOperations() {}

  /** What a filter does with one operation. */
  @FunctionalInterface
  public interface Visitor {
    /** {@code template} is the path without {@code /api} ({@code /v1/holds/{ref}}). */
    void visit(String template, PathItem.HttpMethod method, Operation op);
  }

  /** Calls {@code visitor} for every operation whose path starts with {@code /api/}. */
  public static void each(OpenAPI openAPI, Visitor visitor) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
      if (path.getKey().startsWith("/api/") && path.getValue().getOperations() != null) {
        String template = path.getKey().substring("/api".length());
        path.getValue().getOperations().forEach((m, op) -> visitor.visit(template, m, op));
      }
    }
  }
}
