package org.openmiles.retention.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.common.Validator;
import org.openmiles.common.web.JsonRequest;
import org.openmiles.retention.api.Channel;
import org.openmiles.retention.api.ConsentSource;
import org.openmiles.retention.api.ConsentView;
import org.openmiles.retention.api.Consents;
import org.openmiles.retention.api.MemberConsentsView;
import org.openmiles.retention.api.RecordConsent;

/** Marketing consent per member and channel, with its history. */
@Path("v1/retention/members/{number}/consents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Retention: consent",
    description =
        "Permission-based marketing: consent per channel (EMAIL, SMS, OTT, PUSH), granted or"
            + " withdrawn, with source and history; campaigns select only consented members")
@APIResponse(
    responseCode = "400",
    description = "VALIDATION_FAILED, MALFORMED_REQUEST, UNKNOWN_CHANNEL, UNKNOWN_CONSENT_SOURCE")
@APIResponse(responseCode = "401", description = "UNAUTHENTICATED: no or invalid bearer token")
@APIResponse(responseCode = "403", description = "FORBIDDEN: the token's roles may not call this")
@APIResponse(responseCode = "404", description = "MEMBER_NOT_FOUND")
public class ConsentResource {
  @Inject Consents consents;
  @Context SecurityContext security;

  /** A decision: granted or withdrawn, and where it was collected (default API). */
  public record ConsentRequest(Boolean granted, String source) implements JsonRequest {
    @Override
    public void validate(Validator v) {
      v.require(granted != null, "granted", "is required (true or false)");
    }
  }

  /** The recorded decision and whether it changed the member's consent. */
  public record ConsentAnswer(MemberNumber member, ConsentView consent, boolean changed) {}

  @PUT
  @Path("{channel}")
  @Operation(
      summary = "Grant or withdraw a member's consent for a channel",
      description =
          "Records the decision with its source and the caller (the token's subject) and keeps"
              + " every earlier one in the history; the latest decision is the member's consent."
              + " The same decision as the current one changes nothing (changed false).")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = {
                @ExampleObject(
                    name = "grant in the app",
                    value = "{\"granted\":true,\"source\":\"APP\"}"),
                @ExampleObject(
                    name = "withdraw on the phone",
                    value = "{\"granted\":false,\"source\":\"CALL_CENTER\"}")
              }))
  @APIResponse(
      responseCode = "200",
      description = "The decision",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "granted",
                      value =
                          "{\"changed\":true,\"consent\":{\"channel\":\"EMAIL\",\"granted\":true,"
                              + "\"principal\":\"member-app\",\"recordedAt\":"
                              + "\"2026-12-06T21:30:00Z\",\"source\":\"APP\"},"
                              + "\"member\":\"1000000016\"}")))
  public ConsentAnswer put(
      @PathParam("number") String number,
      @PathParam("channel") String channel,
      ConsentRequest body) {
    MemberWrite w = MemberWrite.of(number, body, security);
    Channel ch = Channel.parse(channel);
    ConsentSource source =
        body.source() == null ? ConsentSource.API : ConsentSource.parse(body.source());
    Consents.Recorded r =
        consents.record(new RecordConsent(w.member(), ch, body.granted(), source, w.caller()));
    return new ConsentAnswer(w.member(), r.consent(), r.changed());
  }

  @GET
  @Operation(
      summary = "A member's consents and their history",
      description =
          "current: the latest decision per channel (a channel never answered is absent: no"
              + " consent); history: every decision, newest first.")
  public MemberConsentsView get(@PathParam("number") String number) {
    return consents.consents(MemberNumber.fromRequest(number));
  }
}
