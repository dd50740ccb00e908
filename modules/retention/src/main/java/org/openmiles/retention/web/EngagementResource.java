package org.openmiles.retention.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.openmiles.common.web.JsonRequest;
import org.openmiles.common.web.QueryParams;
import org.openmiles.retention.api.ActionAnswer;
import org.openmiles.retention.api.ActionTypeView;
import org.openmiles.retention.api.Engagement;
import org.openmiles.retention.api.LevelView;
import org.openmiles.retention.api.MemberEngagementView;
import org.openmiles.retention.api.RecordAction;
import org.openmiles.retention.application.RetentionRequests;

/** Engagement actions of members, their points and levels, and the catalogue. */
@Path("v1/retention")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Retention: engagement",
    description =
        "Engagement actions beyond flying (NPS answered, review, profile completed, app check-in,"
            + " referral): points under daily and lifetime caps, levels, bonus miles")
@APIResponse(
    responseCode = "400",
    description = "VALIDATION_FAILED, MALFORMED_REQUEST, UNKNOWN_ACTION_TYPE")
@APIResponse(responseCode = "401", description = "UNAUTHENTICATED: no or invalid bearer token")
@APIResponse(responseCode = "403", description = "FORBIDDEN: the token's roles may not call this")
@APIResponse(responseCode = "404", description = "MEMBER_NOT_FOUND")
public class EngagementResource {
  @Inject Engagement engagement;
  @Inject RetentionRequests requests;
  @Context SecurityContext security;
  @Context UriInfo uriInfo;

  /** An action: the client's unique id, the catalogue code, the friend of a REFERRAL. */
  public record ActionRequest(String actionId, String type, String referredMember)
      implements JsonRequest {
    @Override
    public void validate(Validator v) {
      v.require(actionId != null, "actionId", "is required");
      v.require(type != null, "type", "is required");
      if (referredMember != null) {
        v.check("referredMember", () -> new MemberNumber(referredMember));
      }
    }

    String fingerprint(MemberNumber member) {
      return String.join("|", member.value(), actionId, type, String.valueOf(referredMember));
    }
  }

  /** The catalogue and the levels. */
  public record CatalogueView(List<ActionTypeView> actionTypes, List<LevelView> levels) {}

  @POST
  @Path("members/{number}/engagement-actions")
  @Operation(
      summary = "Post an engagement action of a member",
      description =
          "Counts the action once per actionId (the same id again answers 200 with the stored"
              + " action and replayed true; with another member or type, 409 ACTION_ID_CONFLICT)."
              + " Its points are cut to what the daily cap (per airline day) and the lifetime cap"
              + " leave; an action over a cap is CAPPED and earns nothing. An action that counts"
              + " earns the catalogue's bonus miles, a non-qualifying ledger credit with source"
              + " reference E:<actionId>. A REFERRAL names the friend (already enrolled) and stays"
              + " PENDING until the friend's first flight is credited. The Idempotency-Key is"
              + " required: a retry with the same key and body gets the first answer again.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = {
                @ExampleObject(
                    name = "profile completed",
                    value = "{\"actionId\":\"app-7f3a9c\",\"type\":\"PROFILE_COMPLETED\"}"),
                @ExampleObject(
                    name = "referral",
                    value =
                        "{\"actionId\":\"ref-20261206-01\",\"type\":\"REFERRAL\","
                            + "\"referredMember\":\"1000000024\"}")
              }))
  @APIResponse(
      responseCode = "201",
      description = "Counted: the action (status AWARDED, CAPPED or PENDING), points, level",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "awarded",
                      value =
                          "{\"action\":{\"actionDay\":\"2026-12-07\",\"actionId\":\"app-7f3a9c\","
                              + "\"bonusMiles\":500,\"ledgerReference\":\"E:app-7f3a9c\","
                              + "\"member\":\"1000000016\",\"points\":50,"
                              + "\"recordedAt\":\"2026-12-06T21:30:00Z\",\"status\":\"AWARDED\","
                              + "\"type\":\"PROFILE_COMPLETED\"},\"level\":{\"code\":\"NEWCOMER\","
                              + "\"minPoints\":0,\"name\":\"Newcomer\"},\"memberPoints\":50,"
                              + "\"replayed\":false}")))
  @APIResponse(responseCode = "200", description = "The action id was known: the stored action")
  @APIResponse(
      responseCode = "409",
      description = "ACTION_ID_CONFLICT, ALREADY_REFERRED, IDEMPOTENCY_KEY_IN_USE")
  @APIResponse(
      responseCode = "422",
      description =
          "MEMBER_NOT_ACTIVE, ACTION_TYPE_INACTIVE, REFERRAL_REFUSED, IDEMPOTENCY_KEY_REUSED")
  public Response post(
      @PathParam("number") String number,
      ActionRequest body,
      @Parameter(
              in = ParameterIn.HEADER,
              description = "Required, 1-120 printable characters, unique per intended action")
          @HeaderParam(IdempotencyKeys.HEADER)
          String key) {
    MemberWrite w = MemberWrite.of(number, body, security);
    MemberNumber friend =
        body.referredMember() == null ? null : new MemberNumber(body.referredMember());
    RecordAction action =
        new RecordAction(w.member(), body.actionId(), body.type(), friend, w.caller());
    String path = uriInfo.getPath();
    return RetentionJson.reply(
        requests.execute(
            w.caller(),
            key,
            "engagement-action|" + body.fingerprint(w.member()),
            () -> {
              ActionAnswer a = engagement.record(action);
              return RetentionJson.answer(a.replayed() ? 200 : 201, a);
            },
            e -> RetentionJson.refusal(e, path)));
  }

  @GET
  @Path("members/{number}/engagement")
  @Operation(
      summary = "A member's engagement",
      description =
          "Points, level, the next level and the points still needed, and the latest actions"
              + " (newest first, at most recent, default 20).")
  @APIResponse(
      responseCode = "200",
      description = "The member's engagement",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "engaged",
                      value =
                          "{\"member\":\"1000000016\",\"points\":120,\"level\":{\"code\":"
                              + "\"ENGAGED\",\"minPoints\":100,\"name\":\"Engaged\"},"
                              + "\"nextLevel\":{\"code\":\"ADVOCATE\",\"minPoints\":300,"
                              + "\"name\":\"Advocate\"},\"pointsToNextLevel\":180,"
                              + "\"recentActions\":[]}")))
  public MemberEngagementView engagement(
      @PathParam("number") String number, @QueryParam("recent") @DefaultValue("20") String recent) {
    return engagement.engagement(
        MemberNumber.fromRequest(number), QueryParams.limit(recent, QueryParams.MAX_PAGE));
  }

  @GET
  @Path("engagement-catalogue")
  @Operation(
      summary = "The engagement catalogue and levels",
      description =
          "Each action type's points, daily and lifetime caps (in points; null: none), bonus"
              + " miles and whether it is active; the levels and their thresholds.")
  public CatalogueView catalogue() {
    return new CatalogueView(engagement.catalogue(), engagement.levels());
  }
}
