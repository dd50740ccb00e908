package org.openmiles.accrual.web;

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
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accrual.api.ClaimView;
import org.openmiles.accrual.api.FileClaim;
import org.openmiles.accrual.api.MissingMilesClaims;
import org.openmiles.common.idempotency.IdempotencyKeys;
import org.openmiles.common.web.QueryParams;
import org.openmiles.common.web.RequestBodies;

/**
 * A member's missing-miles claims: file one (matched and, when the airline's data allows, credited
 * at once) and list them. The agent side is {@link ClaimsResource}.
 */
@Path("v1/members/{number}/claims")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Missing-miles claims", description = "Retro claims for flights not credited")
@APIResponse(
    responseCode = "400",
    description = "Invalid input (VALIDATION_FAILED, MALFORMED_REQUEST)")
@APIResponse(responseCode = "404", description = "MEMBER_NOT_FOUND")
public class MemberClaimsResource {

  @Inject MissingMilesClaims claims;
  @Context UriInfo uriInfo;

  /** A claim: the ticket, the coupon number if known, and the flight. */
  public record ClaimRequest(
      String ticketNumber,
      Integer couponNumber,
      String carrier,
      String flightNumber,
      LocalDate flightDate,
      String origin,
      String destination,
      String bookingClass) {}

  @POST
  @Operation(
      summary = "File a missing-miles claim",
      description =
          "Matched against the airline's flown coupons in the same request: answered 201 with the"
              + " claim CREDITED (coupon without member number, passenger name matches), PENDING"
              + " (no flown data yet; a later flown-coupon file matches it), PENDING_REVIEW (an"
              + " agent decides) or REJECTED (coupon refunded, voided or exchanged). Send an"
              + " Idempotency-Key header to make a retry return the same claim.")
  @APIResponse(responseCode = "201", description = "Filed (see its status)")
  @APIResponse(responseCode = "409", description = "DUPLICATE_CLAIM, ALREADY_CREDITED")
  @APIResponse(
      responseCode = "422",
      description =
          "CLAIM_WINDOW_EXPIRED, IDEMPOTENCY_KEY_REUSED, MEMBER_NOT_ACTIVE (closed member, when"
              + " the claim would be credited)")
  public Response file(
      @PathParam("number") String number,
      ClaimRequest body,
      @Parameter(description = "Makes a retried claim return the first answer (1-120 characters)")
          @HeaderParam(IdempotencyKeys.HEADER)
          String idempotencyKey) {
    MemberNumber member = MemberNumber.fromRequest(number);
    RequestBodies.require(body);
    FileClaim cmd =
        new FileClaim(
            member,
            body.ticketNumber(),
            body.couponNumber(),
            body.carrier(),
            body.flightNumber(),
            body.flightDate(),
            body.origin(),
            body.destination(),
            body.bookingClass());
    ClaimView c = claims.file(cmd, idempotencyKey);
    return Response.created(
            uriInfo.getBaseUriBuilder().path("v1/claims").path(String.valueOf(c.id())).build())
        .entity(c)
        .build();
  }

  @GET
  @Operation(summary = "The member's claims, newest first")
  public List<ClaimView> list(
      @PathParam("number") String number, @QueryParam("limit") @DefaultValue("50") String limit) {
    return claims.ofMember(
        MemberNumber.fromRequest(number), QueryParams.limit(limit, QueryParams.MAX_PAGE));
  }
}
