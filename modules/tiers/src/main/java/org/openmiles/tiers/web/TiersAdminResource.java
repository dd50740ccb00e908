package org.openmiles.tiers.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmiles.common.Dates;
import org.openmiles.common.ValidationException;
import org.openmiles.common.Validator;
import org.openmiles.tiers.api.NoTierReviewException;
import org.openmiles.tiers.api.TierReview;
import org.openmiles.tiers.api.TierReviewSummary;
import org.openmiles.tiers.api.TierService;

/**
 * Admin operations on tiers: run the period-end review, see the last one, end expired overrides.
 */
@Path("v1/tiers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tiers")
public class TiersAdminResource {

  @Inject TierReview review;
  @Inject TierService tiers;

  /** Body of a review run: the last day of the period to review (yyyy-MM-dd). */
  public record ReviewRequest(String periodEnd) {}

  @POST
  @Path("reviews")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Run the review of a period",
      description =
          "Keeps each status that ends by the period end whose requirement the period's activity"
              + " meets, moves the others down one tier; lifetime tiers never drop. Runs once per"
              + " period end: a later or concurrent call answers outcome ALREADY_RUN with the first"
              + " run's summary.")
  @APIResponse(
      responseCode = "400",
      description = "VALIDATION_FAILED: not a period end of the program")
  @APIResponse(responseCode = "422", description = "PERIOD_NOT_ENDED")
  public TierReviewSummary run(ReviewRequest body) {
    if (body == null || body.periodEnd() == null) {
      throw ValidationException.of("periodEnd", "is required");
    }
    return review.run(Validator.valid("periodEnd", () -> Dates.parse(body.periodEnd())));
  }

  @GET
  @Path("reviews/last")
  @Operation(summary = "The summary of the latest review")
  @APIResponse(responseCode = "404", description = "NO_TIER_REVIEW")
  public TierReviewSummary last() {
    return review.last().orElseThrow(NoTierReviewException::new);
  }

  @POST
  @Path("jobs/override-expiry")
  @Operation(
      summary = "End overrides past their last day",
      description = "What the daily job does; today is the airline's date unless given.")
  public Map<String, Object> endOverrides(@QueryParam("today") String today) {
    LocalDate day = today == null ? null : Validator.valid("today", () -> Dates.parse(today));
    return Map.of(
        "ended", day == null ? tiers.endExpiredOverridesToday() : tiers.endExpiredOverrides(day));
  }
}
