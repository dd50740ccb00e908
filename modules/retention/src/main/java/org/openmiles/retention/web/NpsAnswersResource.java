package org.openmiles.retention.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.common.Validator;
import org.openmiles.common.security.Callers;
import org.openmiles.common.web.Answers;
import org.openmiles.common.web.JsonRequest;
import org.openmiles.common.web.RequestBodies;
import org.openmiles.retention.api.NpsAnswerView;
import org.openmiles.retention.api.NpsAnswers;
import org.openmiles.retention.api.RecordNpsAnswer;
import org.openmiles.retention.api.Touchpoint;

/**
 * NPS survey answers as the survey tool posts them. Its own root resource ({@link NpsResource} says
 * why).
 */
@Path("v1/retention/nps-answers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = NpsResource.TAG)
@APIResponse(
    responseCode = "400",
    description = "VALIDATION_FAILED, MALFORMED_REQUEST, SCORE_OUT_OF_RANGE, UNKNOWN_TOUCHPOINT")
@APIResponse(responseCode = "401", description = "UNAUTHENTICATED: no or invalid bearer token")
@APIResponse(responseCode = "403", description = "FORBIDDEN: the token's roles may not call this")
public class NpsAnswersResource {
  @Inject NpsAnswers nps;
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
}
