package org.openmiles.retention.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberService;
import org.openmiles.common.Validator;
import org.openmiles.common.security.Callers;
import org.openmiles.common.web.Answers;
import org.openmiles.common.web.JsonRequest;
import org.openmiles.common.web.RequestBodies;
import org.openmiles.retention.api.NpsAnswerView;
import org.openmiles.retention.api.NpsAnswers;
import org.openmiles.retention.api.NpsDimension;
import org.openmiles.retention.api.NpsReport;
import org.openmiles.retention.api.RecordNpsAnswer;
import org.openmiles.retention.api.Touchpoint;
import org.openmiles.retention.application.AirlineCalendar;

/** NPS survey answers and NPS figures. */
@Path("v1/retention")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Retention: NPS",
    description =
        "Net Promoter Score survey answers (API and survey-results file) and NPS per month, tier,"
            + " touchpoint, route and segment")
@APIResponse(
    responseCode = "400",
    description =
        "VALIDATION_FAILED, MALFORMED_REQUEST, SCORE_OUT_OF_RANGE, UNKNOWN_TOUCHPOINT,"
            + " UNKNOWN_NPS_DIMENSION")
@APIResponse(responseCode = "401", description = "UNAUTHENTICATED: no or invalid bearer token")
@APIResponse(responseCode = "403", description = "FORBIDDEN: the token's roles may not call this")
public class NpsResource {
  @Inject NpsAnswers nps;
  @Inject MemberService members;
  @Inject AirlineCalendar calendar;
  @Context SecurityContext security;

  /** An answer as the survey tool sends it; {@code answeredAt} is ISO-8601 with an offset. */
  public record AnswerRequest(
      String answerId,
      String member,
      Integer score,
      String comment,
      String touchpoint,
      String flight,
      String route,
      String answeredAt)
      implements JsonRequest {
    @Override
    public void validate(Validator v) {
      v.require(answerId != null, "answerId", "is required");
      v.check("member", () -> new MemberNumber(member));
      v.require(score != null, "score", "is required");
      v.require(touchpoint != null, "touchpoint", "is required");
      v.check("answeredAt", () -> OffsetDateTime.parse(answeredAt));
    }

    RecordNpsAnswer command() {
      return new RecordNpsAnswer(
          answerId,
          new MemberNumber(member),
          score,
          comment,
          Touchpoint.parse(touchpoint),
          flight,
          route,
          OffsetDateTime.parse(answeredAt).toInstant());
    }
  }

  @POST
  @Path("nps-answers")
  @Operation(
      summary = "Store an NPS survey answer",
      description =
          "Idempotent by answerId: the same id again answers 200 with the stored answer"
              + " (replayed true); with another member, score or touchpoint, 409"
              + " NPS_ANSWER_CONFLICT. The member's tier on the day answered (airline time zone)"
              + " is kept with the answer, and answering counts once as the engagement action"
              + " NPS_ANSWERED.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "after a flight",
                      value =
                          "{\"answerId\":\"svy-2026-000123\",\"member\":\"1000000016\","
                              + "\"score\":9,\"comment\":\"Friendly crew\","
                              + "\"touchpoint\":\"FLIGHT\",\"flight\":\"VN243\","
                              + "\"route\":\"SGN-HAN\","
                              + "\"answeredAt\":\"2026-12-06T10:15:00+07:00\"}")))
  @APIResponse(responseCode = "201", description = "Stored")
  @APIResponse(responseCode = "200", description = "The answer id was known: the stored answer")
  @APIResponse(responseCode = "404", description = "MEMBER_NOT_FOUND")
  @APIResponse(responseCode = "409", description = "NPS_ANSWER_CONFLICT")
  public Response answer(AnswerRequest body) {
    RequestBodies.require(body);
    NpsAnswerView stored = nps.answer(body.command(), Callers.subject(security));
    return Answers.createdOrReplayed(stored.replayed(), stored);
  }

  @GET
  @Path("members/{number}/nps-answers")
  @Operation(
      summary = "The member's latest survey answers, newest first",
      description =
          "Up to limit (1 to 100, default 20) answers with score, comment, touchpoint, flight,"
              + " route, when answered, the member's tier then and where the answer came from.")
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: limit")
  @APIResponse(responseCode = "404", description = "MEMBER_NOT_FOUND")
  public java.util.List<NpsAnswerView> history(
      @PathParam("number") String number, @QueryParam("limit") @DefaultValue("20") int limit) {
    MemberNumber member = MemberNumber.fromRequest(number);
    members.get(member);
    return nps.history(member, limit);
  }

  @GET
  @Path("nps")
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
