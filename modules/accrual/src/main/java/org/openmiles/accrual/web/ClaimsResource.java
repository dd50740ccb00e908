package org.openmiles.accrual.web;

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
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmiles.accrual.api.ApproveClaim;
import org.openmiles.accrual.api.ClaimStatus;
import org.openmiles.accrual.api.ClaimView;
import org.openmiles.accrual.api.MissingMilesClaims;
import org.openmiles.accrual.api.RejectClaim;
import org.openmiles.common.Validator;
import org.openmiles.common.security.Callers;
import org.openmiles.common.web.QueryParams;
import org.openmiles.common.web.RequestBodies;

/** The agents' side of missing-miles claims: the review queue, one claim, approve, reject. */
@Path("v1/claims")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Missing-miles claims", description = "Retro claims for flights not credited")
@APIResponse(
    responseCode = "400",
    description = "Invalid input (VALIDATION_FAILED, MALFORMED_REQUEST)")
public class ClaimsResource {

  @Inject MissingMilesClaims claims;

  @Context SecurityContext security;

  /**
   * An approval: an optional note, the coupon number if no one knows it yet. The deciding agent is
   * the token's subject, never a name in the body.
   */
  public record ApproveRequest(String note, Integer couponNumber) {}

  /** A rejection: the reason the member is told. The deciding agent is the token's subject. */
  public record RejectRequest(String reason) {}

  @GET
  @Operation(
      summary = "Claims in a status, oldest first (the agents' queue)",
      description =
          "status defaults to PENDING_REVIEW. Keyset paging: pass the id of the last claim seen"
              + " as after. Each claim carries booking, the member's booked segment of the flight"
              + " (booking.confirmed: a confirmed booking, evidence for the agent), if any.")
  public List<ClaimView> queue(
      @QueryParam("status") @DefaultValue("PENDING_REVIEW") String status,
      @QueryParam("after") @DefaultValue("0") String after,
      @QueryParam("limit") @DefaultValue("50") String limit) {
    ClaimStatus s = Validator.valid("status", () -> status(status));
    long a = Validator.valid("after", () -> QueryParams.wholeNumber(after, 0, Long.MAX_VALUE));
    return claims.queue(s, a, QueryParams.limit(limit, QueryParams.MAX_PAGE));
  }

  @GET
  @Path("{id}")
  @Operation(
      summary = "One claim",
      description =
          "With booking, the member's booked segment of the claimed flight (PNR, segment,"
              + " booking class, segment status, state, confirmed), when a booking file brought"
              + " one.")
  @APIResponse(responseCode = "404", description = "CLAIM_NOT_FOUND")
  public ClaimView get(@PathParam("id") String id) {
    return claims.get(id(id));
  }

  @POST
  @Path("{id}/approve")
  @Operation(
      summary = "Credit a claim under review",
      description =
          "Credits the coupon the airline sent, or, if none, the claim's own flight rated by the"
              + " program's rules for the member's tier on the flight date; the coupon is recorded"
              + " so that a later file carrying it earns nothing again.")
  @APIResponse(responseCode = "404", description = "CLAIM_NOT_FOUND")
  @APIResponse(responseCode = "409", description = "CLAIM_ALREADY_RESOLVED")
  @APIResponse(
      responseCode = "422",
      description =
          "COUPON_REVERSED, COUPON_CREDITED_TO_OTHER_MEMBER, FLIGHT_MISMATCH,"
              + " COUPON_NUMBER_REQUIRED, COUPON_NUMBER_TAKEN, FARE_REQUIRED, rating codes"
              + " (CLASS_NOT_ELIGIBLE, UNKNOWN_AIRPORT, CARRIER_NOT_EARNING), MEMBER_NOT_ACTIVE")
  public ClaimView approve(@PathParam("id") String id, ApproveRequest body) {
    ApproveRequest b = RequestBodies.require(body);
    return claims.approve(
        id(id), new ApproveClaim(Callers.subject(security), b.note(), b.couponNumber()));
  }

  @POST
  @Path("{id}/reject")
  @Operation(summary = "Reject a claim with a reason")
  @APIResponse(responseCode = "404", description = "CLAIM_NOT_FOUND")
  @APIResponse(responseCode = "409", description = "CLAIM_ALREADY_RESOLVED")
  public ClaimView reject(@PathParam("id") String id, RejectRequest body) {
    RejectRequest b = RequestBodies.require(body);
    return claims.reject(id(id), new RejectClaim(Callers.subject(security), b.reason()));
  }

  private static ClaimStatus status(String s) {
    try {
      return ClaimStatus.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("must be PENDING, PENDING_REVIEW, CREDITED or REJECTED");
    }
  }

  private static long id(String id) {
    return Validator.valid("id", () -> QueryParams.wholeNumber(id, 0, Long.MAX_VALUE));
  }
}
