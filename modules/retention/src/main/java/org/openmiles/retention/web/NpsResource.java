package org.openmiles.retention.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmiles.common.Validator;
import org.openmiles.common.time.AirlineZone;
import org.openmiles.retention.api.NpsAnswers;
import org.openmiles.retention.api.NpsDimension;
import org.openmiles.retention.api.NpsReport;

/**
 * NPS figures. NPS has three root resources, one per path: this one ({@code v1/retention/nps}), the
 * answers ({@link NpsAnswersResource}) and a member's answers ({@link MemberNpsAnswersResource}),
 * none sharing its root path with another class: JAX-RS picks one root resource per request, and a
 * path served by two classes works only where the implementation merges them.
 */
@Path("v1/retention/nps")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = NpsResource.TAG,
    description =
        "Net Promoter Score survey answers (API and survey-results file) and NPS per month, tier,"
            + " touchpoint, route and segment")
@APIResponse(responseCode = "400", description = "VALIDATION_FAILED, UNKNOWN_NPS_DIMENSION")
@APIResponse(responseCode = "401", description = "UNAUTHENTICATED: no or invalid bearer token")
@APIResponse(responseCode = "403", description = "FORBIDDEN: the token's roles may not call this")
public class NpsResource {
  static final String TAG = "Retention: NPS";

  @Inject NpsAnswers nps;
  @Inject AirlineZone calendar;

  @GET
  @Operation(
      summary = "NPS by month, tier, touchpoint, route or segment",
      description =
          "NPS = % promoters (9-10) − % detractors (0-6), one decimal, per group with the number"
              + " of answers, and the total. from and to are airline dates, inclusive (default:"
              + " the last 12 months to today). Months are in the airline's time zone; tier is the"
              + " member's tier when answering (NONE: none); route NONE: not given; segment is"
              + " the member's current RFM segment (UNSCORED: not scored).")
  @APIResponse(
      responseCode = "200",
      description = "The report",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "by touchpoint",
                      value =
                          "{\"by\":\"TOUCHPOINT\",\"from\":\"2026-01-01\",\"to\":\"2026-12-31\","
                              + "\"rows\":[{\"answers\":4,\"detractors\":1,\"key\":\"FLIGHT\","
                              + "\"nps\":25.0,\"passives\":1,\"promoters\":2}],"
                              + "\"total\":{\"answers\":4,\"detractors\":1,\"key\":\"TOTAL\","
                              + "\"nps\":25.0,\"passives\":1,\"promoters\":2}}")))
  public NpsReport report(
      @Parameter(description = "month, tier, touchpoint, route or segment")
          @QueryParam("by")
          @DefaultValue("month")
          String by,
      @Parameter(description = "first airline date (yyyy-MM-dd)") @QueryParam("from") String from,
      @Parameter(description = "last airline date (yyyy-MM-dd)") @QueryParam("to") String to) {
    NpsDimension dimension = NpsDimension.parse(by);
    LocalDate last =
        to == null ? calendar.today() : Validator.valid("to", () -> LocalDate.parse(to));
    LocalDate first =
        from == null
            ? last.minusYears(1).plusDays(1)
            : Validator.valid("from", () -> LocalDate.parse(from));
    return nps.report(dimension, first, last);
  }
}
