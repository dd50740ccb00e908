package org.openmiles.retention.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.retention.api.MemberFacts;
import org.openmiles.retention.api.MemberFactsView;

/**
 * A member's facts as retention keeps them. Its own root resource, more specific than the other
 * {@code v1/retention} resources, so that JAX-RS picks it for this path.
 */
@Path("v1/retention/members/{number}/facts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Retention", description = "Member facts, scores, engagement, NPS, consent, campaigns")
public class MemberFactsResource {
  @Inject MemberFacts facts;

  @GET
  @Operation(
      summary = "What the program knows of the member's past",
      description =
          "Kept from the ledger's postings and accrual's records in the transaction that made them"
              + " true: enrollment date, first and last activity (a flight or a partner"
              + " transaction), days with activity, flights, partner transactions by category,"
              + " revenue in the program currency (openmiles.retention.currency), miles earned and"
              + " redeemed. A member with no activity yet has zeros.")
  @APIResponse(responseCode = "404", description = "MEMBER_NOT_FOUND")
  public MemberFactsView facts(@PathParam("number") String number) {
    return facts.of(MemberNumber.fromRequest(number)).orElseThrow();
  }
}
