package org.openmiles.redemption.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.common.web.QueryParams;
import org.openmiles.redemption.api.AwardService;
import org.openmiles.redemption.api.AwardView;

/** A member's awards; its own root resource, more specific than accounts' {@code v1/members}. */
@Path("v1/members/{number}/awards")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Awards")
public class MemberAwardsResource {

  @Inject AwardService awards;

  @GET
  @Operation(summary = "The member's awards, newest first")
  public List<AwardView> list(
      @PathParam("number") String number, @QueryParam("limit") @DefaultValue("50") String limit) {
    MemberNumber member = MemberNumber.fromRequest(number);
    return awards.awards(member, QueryParams.limit(limit, QueryParams.MAX_PAGE));
  }
}
