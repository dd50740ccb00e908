package org.openmiles.accrual.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accrual.api.PromotionRegistrationView;
import org.openmiles.accrual.api.PromotionRegistrations;
import org.openmiles.common.security.Callers;

/**
 * A member's registrations for promotions that pay only registered members (issue 20). The
 * promotions themselves are listed by {@link PromotionsResource}.
 */
@Path("v1/members/{number}/promotions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Promotions", description = "Bonus-miles promotions and registrations")
public class MemberPromotionsResource {

  @Inject PromotionRegistrations promotions;
  @Context SecurityContext security;

  @PUT
  @Path("{code}")
  @Operation(
      summary = "Register a member for a promotion",
      description =
          "For a promotion that pays only registered members: activity dated today (airline"
              + " zone) or later earns its bonus. Registering again answers the first"
              + " registration unchanged. The caller recorded is the token's subject.")
  @APIResponse(responseCode = "200", description = "Registered (or already registered)")
  @APIResponse(responseCode = "404", description = "MEMBER_NOT_FOUND, PROMOTION_NOT_FOUND")
  @APIResponse(
      responseCode = "422",
      description =
          "REGISTRATION_NOT_NEEDED (the promotion pays everyone in its scope), PROMOTION_ENDED")
  public PromotionRegistrationView register(
      @PathParam("number") String number, @PathParam("code") String code) {
    return promotions.register(code, MemberNumber.fromRequest(number), Callers.subject(security));
  }

  @GET
  @Operation(summary = "A member's promotion registrations, newest first")
  @APIResponse(responseCode = "200", description = "The registrations")
  @APIResponse(responseCode = "404", description = "MEMBER_NOT_FOUND")
  public List<PromotionRegistrationView> registrations(@PathParam("number") String number) {
    return promotions.registrations(MemberNumber.fromRequest(number));
  }
}
