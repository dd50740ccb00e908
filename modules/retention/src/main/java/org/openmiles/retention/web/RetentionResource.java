package org.openmiles.retention.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmiles.common.Dates;
import org.openmiles.common.Validator;
import org.openmiles.common.idempotency.IdempotencyKeys;
import org.openmiles.common.security.Callers;
import org.openmiles.common.web.QueryParams;
import org.openmiles.retention.api.ChurnRiskPage;
import org.openmiles.retention.api.ChurnRiskQuery;
import org.openmiles.retention.api.MemberScoreView;
import org.openmiles.retention.api.ModelFitView;
import org.openmiles.retention.api.MovementMembersPage;
import org.openmiles.retention.api.RetentionScores;
import org.openmiles.retention.api.ScoringRunView;
import org.openmiles.retention.api.ScoringRuns;
import org.openmiles.retention.api.SegmentMovement;
import org.openmiles.retention.api.SegmentSize;

/**
 * Marketing's scores: segments, one member's scores and churn reasons, the churn-risk list,
 * movements between segments, model fits, and the scoring runs (docs/api.md, docs/retention.md).
 */
@Path("v1/retention")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Retention", description = "RFM segments, P(alive), CLV and churn risk")
public class RetentionResource {
  private static final String RUN_EXAMPLE =
      "{\"id\":42,\"kind\":\"SCORE\",\"trigger\":\"ON_DEMAND\",\"asOf\":\"2026-12-05\","
          + "\"state\":\"RUNNING\",\"step\":\"SCORING_HISTORIES\",\"membersDone\":420000,"
          + "\"membersTotal\":1000000,\"startedAt\":\"2026-12-06T02:00:00Z\","
          + "\"node\":\"openmiles-1\",\"requestedBy\":\"marketing-desk\"}";

  @Inject RetentionScores scores;
  @Inject ScoringRuns runs;
  @Inject RunStarts starts;
  @Context SecurityContext security;
  @Context UriInfo uriInfo;

  @GET
  @Path("segments")
  @Operation(
      summary = "The segments and their sizes",
      description =
          "Every configured RFM segment in the map's order, with its members, their revenue in the"
              + " RFM window (program currency) and their mean CLV, from the latest run.")
  @APIResponse(
      responseCode = "200",
      description = "The segments",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "segments",
                      value =
                          "[{\"segment\":\"Champions\",\"members\":48210,\"revenue\":"
                              + "41233000.50,\"averageClv\":2210.40},{\"segment\":\"At risk\","
                              + "\"members\":61022,\"revenue\":9120331.00,\"averageClv\":"
                              + "310.15}]")))
  public List<SegmentSize> segments() {
    return scores.segments();
  }

  @GET
  @Path("members/{number}")
  @Operation(
      summary = "One member's scores and churn reasons",
      description =
          "RFM (recency days, frequency in activity days, monetary in the window) with their 1-5"
              + " scores and segment, P(alive), activity days expected in the next 12 months,"
              + " expected value and CLV, and each churn reason as a code and a sentence.")
  @APIResponse(
      responseCode = "200",
      description = "The member's scores",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "at risk",
                      value =
                          "{\"member\":\"1000000016\",\"asOf\":\"2026-12-05\",\"runId\":42,"
                              + "\"segment\":\"At risk\",\"recencyDays\":190,\"frequency\":3,"
                              + "\"monetary\":1210.00,\"recencyScore\":1,\"frequencyScore\":4,"
                              + "\"monetaryScore\":4,\"pAlive\":0.21,"
                              + "\"expectedActivityDays12Months\":0.8,\"expectedValue\":390.12,"
                              + "\"clv\":702.55,\"tier\":\"GOLD\",\"churnRisk\":true,\"reasons\":"
                              + "[{\"code\":\"P_ALIVE_LOW\",\"text\":\"Probably no longer active:"
                              + " P(alive) 0.21, below the threshold 0.30.\"}]}")))
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: not a member number")
  @APIResponse(responseCode = "404", description = "MEMBER_NOT_SCORED")
  public MemberScoreView member(@PathParam("number") String number) {
    return scores.member(number);
  }

  @GET
  @Path("churn-risk")
  @Operation(
      summary = "Members at risk of leaving, highest CLV first",
      description =
          "Members with at least one churn reason (P_ALIVE_LOW, RECENCY_GAP, TIER_AT_RISK,"
              + " MILES_EXPIRING), filtered by segment, tier code and minimum CLV, sorted by CLV"
              + " (highest first, then member number), paged with limit (1-500, default 50) and"
              + " offset.")
  @APIResponse(
      responseCode = "200",
      description = "A page of the list",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "page",
                      value =
                          "{\"total\":1204,\"limit\":50,\"offset\":0,\"items\":[{\"member\":"
                              + "\"1000000016\",\"segment\":\"Can't lose them\",\"tier\":"
                              + "\"GOLD\",\"pAlive\":0.18,\"clv\":5120.75,\"recencyDays\":"
                              + "201,\"reasons\":[\"P_ALIVE_LOW\",\"RECENCY_GAP\"]}]}")))
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: limit, offset or minClv")
  public ChurnRiskPage churnRisk(
      @QueryParam("segment") String segment,
      @QueryParam("tier") String tier,
      @QueryParam("minClv") String minClv,
      @QueryParam("limit") String limit,
      @QueryParam("offset") String offset) {
    BigDecimal min =
        minClv == null ? null : Validator.valid("minClv", () -> new BigDecimal(minClv));
    return scores.churnRisk(
        new ChurnRiskQuery(
            blankToNull(segment),
            blankToNull(tier),
            min,
            limit == null ? 50 : QueryParams.limit(limit, 500),
            offset(offset)));
  }

  @GET
  @Path("movements")
  @Operation(
      summary = "Movements between segments in a date range",
      description =
          "How many members moved from one segment to another in runs scoring dates since..until"
              + " (inclusive), per pair, largest first. A member's first score is not a movement.")
  @APIResponse(
      responseCode = "200",
      description = "The movements",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "movements",
                      value =
                          "[{\"from\":\"Champions\",\"to\":\"At risk\",\"members\":1203},"
                              + "{\"from\":\"New\",\"to\":\"Potential loyalists\",\"members\":"
                              + "880}]")))
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: since, until")
  public List<SegmentMovement> movements(
      @QueryParam("since") String since, @QueryParam("until") String until) {
    return scores.movements(date("since", since), date("until", until));
  }

  @GET
  @Path("movements/members")
  @Operation(
      summary = "The members of one movement",
      description =
          "The members who moved from segment 'from' to segment 'to' in since..until, by member"
              + " number, paged with limit (1-500, default 50) and offset, with their current"
              + " segment and CLV.")
  @APIResponse(
      responseCode = "200",
      description = "A page of members",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "page",
                      value =
                          "{\"from\":\"Champions\",\"to\":\"At risk\",\"total\":1203,\"limit\":"
                              + "50,\"offset\":0,\"items\":[{\"member\":\"1000000016\","
                              + "\"changedOn\":\"2026-12-05\",\"currentSegment\":\"At risk\","
                              + "\"clv\":702.55}]}")))
  @APIResponse(
      responseCode = "400",
      description = "VALIDATION_FAILED: since, until, from, to, limit or offset")
  public MovementMembersPage movementMembers(
      @QueryParam("since") String since,
      @QueryParam("until") String until,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") String limit,
      @QueryParam("offset") String offset) {
    return scores.movementMembers(
        date("since", since),
        date("until", until),
        from,
        to,
        limit == null ? 50 : QueryParams.limit(limit, 500),
        offset(offset));
  }

  @GET
  @Path("fits")
  @Operation(
      summary = "The latest model fits",
      description =
          "BG/NBD (r, alpha, a, b; weeks) and Gamma-Gamma (p, q, gamma) fits of the latest runs,"
              + " newest first, with log-likelihood, members, distinct rows and duration.")
  @APIResponse(
      responseCode = "200",
      description = "The fits",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "fits",
                      value =
                          "[{\"id\":7,\"runId\":42,\"kind\":\"BG_NBD\",\"parameters\":{\"r\":"
                              + "0.243,\"alpha\":4.414,\"a\":0.793,\"b\":2.426},"
                              + "\"logLikelihood\":-9582.4,\"members\":2357,\"distinctRows\":"
                              + "1411,\"asOf\":\"1997-09-30\",\"fittedAt\":"
                              + "\"2026-12-06T02:00:04Z\",\"durationMs\":310}]")))
  public List<ModelFitView> fits(@QueryParam("limit") String limit) {
    return scores.fits(limit == null ? 10 : QueryParams.limit(limit, 100));
  }

  @POST
  @Path("runs")
  @Operation(
      summary = "Start a scoring run",
      description =
          "Claims a run scoring activity up to asOf (default yesterday, the airline's last whole"
              + " day; query parameter, yyyy-MM-dd, not after today) and runs it in the"
              + " background; answers 202 with the run and its Location. One run at a time in the"
              + " cluster: while one runs, 409 SCORING_RUN_IN_PROGRESS names it (runningRun). With"
              + " an Idempotency-Key, a repeat with the same key and asOf answers the first answer"
              + " again (202, the same run as it was claimed, its Location), not a second run; the"
              + " same key with another asOf is 422 IDEMPOTENCY_KEY_REUSED. A 409 for a run in"
              + " progress is not kept under the key.")
  @APIResponse(
      responseCode = "202",
      description = "The run, claimed and started (or, for a repeated key, as it was claimed)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "started", value = RUN_EXAMPLE)))
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: asOf, Idempotency-Key")
  @APIResponse(
      responseCode = "409",
      description = "SCORING_RUN_IN_PROGRESS, IDEMPOTENCY_KEY_IN_USE")
  @APIResponse(responseCode = "422", description = "IDEMPOTENCY_KEY_REUSED")
  public Response start(
      @QueryParam("asOf") String asOfText,
      @Parameter(
              in = ParameterIn.HEADER,
              description =
                  "Optional, 1-120 printable characters, per caller: a repeat with the same key"
                      + " and asOf answers the same run")
          @HeaderParam(IdempotencyKeys.HEADER)
          String key) {
    LocalDate asOf = asOfText == null ? null : date("asOf", asOfText);
    String caller = Callers.subject(security);
    return starts.start(
        caller,
        key,
        startRequest(asOf),
        "/api/v1/retention/runs",
        uriInfo.getPath(),
        () -> runs.start(asOf, caller));
  }

  /** What a repeated start must match: asOf as sent (absent is a value of its own). */
  static String startRequest(LocalDate asOf) {
    return "scoring-run|" + (asOf == null ? "" : asOf);
  }

  @GET
  @Path("runs/{id}")
  @Operation(
      summary = "A scoring run and its progress",
      description =
          "State (RUNNING, DONE, FAILED), step, members done of total in the step, and at the end"
              + " the members scored, at risk and moved.")
  @APIResponse(
      responseCode = "200",
      description = "The run",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "running", value = RUN_EXAMPLE)))
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: not a run id")
  @APIResponse(responseCode = "404", description = "SCORING_RUN_NOT_FOUND")
  public ScoringRunView run(@PathParam("id") String id) {
    return runs.run(Validator.valid("id", () -> QueryParams.wholeNumber(id, 1, Long.MAX_VALUE)));
  }

  private static LocalDate date(String name, String text) {
    if (text == null) {
      throw org.openmiles.common.ValidationException.of(name, "is required (yyyy-MM-dd)");
    }
    return Validator.valid(name, () -> Dates.parse(text));
  }

  private static int offset(String text) {
    return text == null
        ? 0
        : Validator.valid("offset", () -> (int) QueryParams.wholeNumber(text, 0, 1_000_000));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
