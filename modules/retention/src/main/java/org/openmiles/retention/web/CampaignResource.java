package org.openmiles.retention.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.common.Validator;
import org.openmiles.common.idempotency.IdempotencyKeys;
import org.openmiles.common.security.Callers;
import org.openmiles.common.web.JsonRequest;
import org.openmiles.common.web.QueryParams;
import org.openmiles.retention.api.CampaignAudiencePage;
import org.openmiles.retention.api.CampaignRunView;
import org.openmiles.retention.api.CampaignView;
import org.openmiles.retention.api.Campaigns;
import org.openmiles.retention.api.SuppressionView;

/**
 * Campaign triggers (docs/retention.md "Campaigns"): the catalogue, campaign runs with their counts
 * and file delivery states, one campaign's audience of a run, and the suppression list.
 */
@Path("v1/retention/campaigns")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Retention campaigns", description = "Campaign rules, runs, audiences, suppressions")
public class CampaignResource {
  private static final String RUN_EXAMPLE =
      "{\"id\":7,\"trigger\":\"ON_DEMAND\",\"state\":\"DONE\",\"runDate\":\"2026-12-07\","
          + "\"startedAt\":\"2026-12-06T22:00:00Z\",\"finishedAt\":\"2026-12-06T22:00:03Z\","
          + "\"node\":\"openmiles-1\",\"requestedBy\":\"marketing-desk\",\"selected\":2,"
          + "\"campaigns\":[{\"campaign\":\"WIN_BACK\",\"channel\":\"EMAIL\",\"selected\":2,"
          + "\"file\":{\"fileName\":\"WIN_BACK-2026-12-07-run7.csv\",\"rows\":2,"
          + "\"state\":\"DELIVERED\",\"attempts\":1,\"writtenAt\":\"2026-12-06T22:00:04Z\","
          + "\"deliveredAt\":\"2026-12-06T22:00:05Z\"}}]}";

  /** What a repeated start must match: a campaign run has no parameters. */
  static final String START_REQUEST = "campaign-run";

  @Inject Campaigns campaigns;
  @Inject RunStarts starts;
  @Context SecurityContext security;
  @Context UriInfo uriInfo;

  @GET
  @Operation(
      summary = "The campaign catalogue",
      description =
          "Each campaign with its channel, window (at most once per member in windowDays days;"
              + " null: once ever), lookback, suggested offer and whether it is active.")
  @APIResponse(
      responseCode = "200",
      description = "The campaigns",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "catalogue",
                      value =
                          "[{\"code\":\"WIN_BACK\",\"name\":\"Win-back\",\"channel\":\"EMAIL\","
                              + "\"windowDays\":90,\"lookbackDays\":1,\"offer\":\"We miss you:"
                              + " 2,000 bonus miles on your next flight in 60 days\","
                              + "\"description\":\"Members at churn risk in the latest scoring"
                              + " run\",\"active\":true}]")))
  public List<CampaignView> catalogue() {
    return campaigns.catalogue();
  }

  @POST
  @Path("runs")
  @Operation(
      summary = "Start a campaign run",
      description =
          "Claims a run and selects every active campaign's audience in the background; answers"
              + " 202 with the run and its Location. One run at a time in the cluster: while one"
              + " runs, 409 CAMPAIGN_RUN_IN_PROGRESS names it (runningRun). A second run in the"
              + " same windows selects nobody twice. With an Idempotency-Key, a repeat with the"
              + " same key answers the first answer again (202, the same run as it was claimed,"
              + " its Location), not a second run; a key used for another request is 422"
              + " IDEMPOTENCY_KEY_REUSED. A 409 for a run in progress is not kept under the key.")
  @APIResponse(
      responseCode = "202",
      description = "The run, claimed and started (or, for a repeated key, as it was claimed)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "started", value = RUN_EXAMPLE)))
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: Idempotency-Key")
  @APIResponse(
      responseCode = "409",
      description = "CAMPAIGN_RUN_IN_PROGRESS, IDEMPOTENCY_KEY_IN_USE")
  @APIResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED")
  public Response start(
      @Parameter(
              in = ParameterIn.HEADER,
              description =
                  "Optional, 1-120 printable characters, per caller: a repeat with the same key"
                      + " answers the same run")
          @HeaderParam(IdempotencyKeys.HEADER)
          String key) {
    String caller = Callers.subject(security);
    return starts.start(
        caller,
        key,
        START_REQUEST,
        "/api/v1/retention/campaigns/runs",
        uriInfo.getPath(),
        () -> campaigns.start(caller));
  }

  @GET
  @Path("runs")
  @Operation(
      summary = "The latest campaign runs",
      description = "Newest first, at most limit (default 20, at most 100), with their counts.")
  @APIResponse(
      responseCode = "200",
      description = "The runs",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "runs", value = "[" + RUN_EXAMPLE + "]")))
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: limit")
  public List<CampaignRunView> runs(@QueryParam("limit") String limit) {
    return campaigns.runs(limit == null ? 20 : QueryParams.limit(limit, 100));
  }

  @GET
  @Path("runs/{id}")
  @Operation(
      summary = "A campaign run",
      description =
          "State (RUNNING, DONE, FAILED), who or what started it, and per campaign the members"
              + " selected and its file: WRITTEN, DELIVERED (webhook) or FAILED with the error.")
  @APIResponse(
      responseCode = "200",
      description = "The run",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "done", value = RUN_EXAMPLE)))
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: not a run id")
  @APIResponse(responseCode = "404", description = "CAMPAIGN_RUN_NOT_FOUND")
  public CampaignRunView run(@PathParam("id") String id) {
    return campaigns.run(runId(id));
  }

  @GET
  @Path("runs/{id}/audiences/{campaign}")
  @Operation(
      summary = "One campaign's audience in a run",
      description =
          "The members selected, in selection order, a page of at most limit (default 50, at most"
              + " 200) after the keyset position after (nextAfter of the previous page). Member"
              + " number, channel, segment, reasons and offer: no names or addresses.")
  @APIResponse(
      responseCode = "200",
      description = "A page",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "page",
                      value =
                          "{\"run\":7,\"campaign\":\"WIN_BACK\",\"rows\":[{\"id\":311,"
                              + "\"member\":\"1000000016\",\"channel\":\"EMAIL\",\"segment\":"
                              + "\"At risk\",\"reasons\":\"P(alive) 0.21 is below 0.30\","
                              + "\"offer\":\"We miss you: 2,000 bonus miles\"}],"
                              + "\"nextAfter\":null}")))
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: id, after or limit")
  @APIResponse(responseCode = "404", description = "CAMPAIGN_RUN_NOT_FOUND, UNKNOWN_CAMPAIGN")
  public CampaignAudiencePage audience(
      @PathParam("id") String id,
      @PathParam("campaign") String campaign,
      @QueryParam("after") String after,
      @QueryParam("limit") String limit) {
    long afterId =
        after == null
            ? 0
            : Validator.valid("after", () -> QueryParams.wholeNumber(after, 0, Long.MAX_VALUE));
    return campaigns.audience(
        runId(id), campaign, afterId, limit == null ? 50 : QueryParams.limit(limit, 200));
  }

  @GET
  @Path("suppressions/{number}")
  @Operation(
      summary = "A member's campaign suppressions",
      description = "Per campaign, or ALL campaigns, with the reason and who added it.")
  @APIResponse(
      responseCode = "200",
      description = "The suppressions",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "suppressed",
                      value =
                          "[{\"member\":\"1000000016\",\"campaign\":\"ALL\",\"reason\":\"asked"
                              + " on the phone not to be contacted\",\"addedBy\":"
                              + "\"marketing-desk\",\"addedAt\":\"2026-12-06T21:00:00Z\"}]")))
  @APIResponse(responseCode = "400", description = "INVALID_MEMBER_NUMBER")
  @APIResponse(responseCode = "404", description = "MEMBER_NOT_FOUND")
  public List<SuppressionView> suppressions(@PathParam("number") String number) {
    return campaigns.suppressions(MemberNumber.fromRequest(number));
  }

  @PUT
  @Path("suppressions/{number}/{campaign}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Suppress a member for a campaign (or ALL)",
      description =
          "The member is never selected for that campaign (ALL: for any) until the suppression is"
              + " lifted; the caller (the token's subject) is recorded. Putting it again replaces"
              + " the reason.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "suppress",
                      value = "{\"reason\":\"asked on the phone not to be contacted\"}")))
  @APIResponse(
      responseCode = "200",
      description = "The suppression",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "suppressed",
                      value =
                          "{\"member\":\"1000000016\",\"campaign\":\"WIN_BACK\",\"reason\":"
                              + "\"complained\",\"addedBy\":\"marketing-desk\",\"addedAt\":"
                              + "\"2026-12-06T21:00:00Z\"}")))
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: reason")
  @APIResponse(responseCode = "404", description = "MEMBER_NOT_FOUND, UNKNOWN_CAMPAIGN")
  public SuppressionView suppress(
      @PathParam("number") String number,
      @PathParam("campaign") String campaign,
      SuppressionRequest body) {
    MemberWrite w = MemberWrite.of(number, body, security);
    return campaigns.suppress(w.member(), campaign, body.reason(), w.caller());
  }

  @DELETE
  @Path("suppressions/{number}/{campaign}")
  @Operation(summary = "Lift a member's suppression for a campaign (or ALL)")
  @APIResponse(responseCode = "204", description = "Lifted")
  @APIResponse(responseCode = "404", description = "SUPPRESSION_NOT_FOUND, UNKNOWN_CAMPAIGN")
  public Response lift(@PathParam("number") String number, @PathParam("campaign") String campaign) {
    campaigns.lift(MemberNumber.fromRequest(number), campaign);
    return Response.noContent().build();
  }

  /** Why the member is suppressed (required, at most 300 characters). */
  public record SuppressionRequest(String reason) implements JsonRequest {
    @Override
    public void validate(Validator v) {
      v.require(
          reason != null && !reason.isBlank() && reason.length() <= 300,
          "reason",
          "is required, at most 300 characters");
    }
  }

  private static long runId(String id) {
    return Validator.valid("id", () -> QueryParams.wholeNumber(id, 1, Long.MAX_VALUE));
  }
}
