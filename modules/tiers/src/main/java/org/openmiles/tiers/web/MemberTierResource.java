package org.openmiles.tiers.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.common.Dates;
import org.openmiles.common.Validator;
import org.openmiles.common.security.Callers;
import org.openmiles.common.web.RequestBodies;
import org.openmiles.tiers.api.GrantTierOverride;
import org.openmiles.tiers.api.TierHistoryView;
import org.openmiles.tiers.api.TierService;
import org.openmiles.tiers.api.TierStatusView;

/**
 * A member's tier: status with progress, history, agent overrides. Its own root resource, more
 * specific than the accounts module's {@code v1/members}, so that JAX-RS picks it for this path.
 */
@Path("v1/members/{number}/tier")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tiers", description = "Member status, progress, history, overrides and reviews")
public class MemberTierResource {

  @Inject TierService tiers;

  @Context SecurityContext security;

  /**
   * Body of an override: the tier, why, last day in force (yyyy-MM-dd). Who approved it is the
   * token's subject, never a name in the body.
   */
  public record OverrideRequest(String tier, String reason, String expiresOn) {}

  @GET
  @Operation(
      summary = "The member's tier today",
      description =
          "Effective tier (the higher of the earned status and an override in force), valid until,"
              + " the qualifying miles and flights of the current period and lifetime, and what is"
              + " still needed for the next tier and to keep the current one (miles OR flights).")
  @APIResponse(responseCode = "404", description = "MEMBER_NOT_FOUND")
  public TierStatusView status(@PathParam("number") String number) {
    return tiers.status(MemberNumber.fromRequest(number));
  }

  @GET
  @Path("history")
  @Operation(summary = "Every change of the member's tier, newest first")
  @APIResponse(responseCode = "404", description = "MEMBER_NOT_FOUND")
  public List<TierHistoryView> history(@PathParam("number") String number) {
    return tiers.history(MemberNumber.fromRequest(number));
  }

  @POST
  @Path("overrides")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Grant a status match or override",
      description =
          "In force from today to expiresOn (inclusive), then it ends on its own; replaces an"
              + " override in force. Never lowers the member: the effective tier is the higher of"
              + " the earned one and the override.")
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED")
  @APIResponse(responseCode = "404", description = "MEMBER_NOT_FOUND")
  public TierStatusView grant(@PathParam("number") String number, OverrideRequest body) {
    RequestBodies.require(body, "is required");
    LocalDate expires =
        body.expiresOn() == null
            ? null
            : Validator.valid("expiresOn", () -> Dates.parse(body.expiresOn()));
    return tiers.grantOverride(
        MemberNumber.fromRequest(number),
        new GrantTierOverride(body.tier(), body.reason(), Callers.subject(security), expires));
  }
}
