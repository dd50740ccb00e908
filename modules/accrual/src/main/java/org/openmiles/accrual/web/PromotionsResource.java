package org.openmiles.accrual.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmiles.accrual.api.PromotionRegistrations;
import org.openmiles.accrual.api.PromotionView;

/**
 * Promotions as agents and booking sites see them ({@link MemberPromotionsResource} has members'
 * registrations). Promotions are changed through {@code /v1/program} (maker-checker).
 */
@Path("v1/promotions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Promotions", description = "Bonus-miles promotions and registrations")
public class PromotionsResource {

  @Inject PromotionRegistrations promotions;

  @GET
  @Operation(
      summary = "Promotions earning from today on",
      description =
          "Every version of a promotion in force on some day from today (airline zone) on, in"
              + " code order: its terms as program changes name them, and from when until when"
              + " they are the promotion's. Changed through /v1/program.")
  @APIResponse(responseCode = "200", description = "The promotions")
  public List<PromotionView> current() {
    return promotions.current();
  }
}
