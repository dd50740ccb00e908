package org.openmiles.app.web;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.openmiles.app.security.AccessMatrixInOpenApi;

/**
 * The filter {@code mp.openapi.filter} names (it takes one): the published description gets each
 * operation's roles from the access matrix, then the error answers every operation can give, then
 * the correlation id every call takes and answers with.
 */
public class ApiDescription implements OASFilter {
  private final List<OASFilter> steps =
      List.of(
          new AccessMatrixInOpenApi(), new ProblemResponsesInOpenApi(), new RequestIdInOpenApi());

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getComponents() == null) {
      openAPI.setComponents(OASFactory.createComponents());
    }
    steps.forEach(s -> s.filterOpenAPI(openAPI));
  }
}
