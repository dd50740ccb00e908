package org.openmiles.integration.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmiles.common.Validator;
import org.openmiles.integration.bootstrap.CamelRuntime;
import org.openmiles.integration.settlement.SettlementRoutes;

/** Writes the settlement files of every partner for a month now, through the settlement route. */
@Path("v1/partners/settlement-files")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partners")
public class SettlementFilesResource {

  @Inject CamelRuntime camel;

  @POST
  @Operation(
      summary =
          "Write every partner's settlement file for a month (yyyy-MM) to its outbound folder")
  public Map<String, Object> write(@QueryParam("month") String month) {
    YearMonth m = Validator.valid("month", () -> YearMonth.parse(String.valueOf(month)));
    if (!camel.isStarted()) {
      throw new jakarta.ws.rs.ServiceUnavailableException(
          "the file routes are switched off on this instance (openmiles.files.enabled=false);"
              + " ask an instance that runs them");
    }
    @SuppressWarnings("unchecked")
    List<java.nio.file.Path> files =
        camel.request(
            SettlementRoutes.ENDPOINT, Map.of(SettlementRoutes.MONTH, m.toString()), List.class);
    return Map.of(
        "month", m.toString(), "files", files.stream().map(java.nio.file.Path::toString).toList());
  }
}
