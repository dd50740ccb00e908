package org.openmiles.cashmiles.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmiles.cashmiles.api.CashMilesCleanup;

/**
 * The Cash &amp; Miles clean-up on demand (operations, and tests that cannot wait for the hourly
 * schedule). Back office, like the ledger's jobs: not part of the booking-engine API.
 */
@Path("v1/cash-and-miles/jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cash & Miles jobs", description = "Clean-up of old quotes and Idempotency-Keys")
public class CashMilesJobsResource {

  @Inject CashMilesCleanup cleanup;
  @Inject Clock clock;

  @POST
  @Path("cleanup")
  @Operation(
      summary = "Delete expired unused quotes and old Idempotency-Keys now",
      description =
          "Quotes expired longer than openmiles.cashmiles.cleanup.quote-retention-hours (24) ago"
              + " that no payment uses, and Idempotency-Keys older than"
              + " openmiles.cashmiles.idempotency.retention-hours (24). Also runs hourly, once per"
              + " cluster.")
  public Map<String, Object> cleanUp() {
    CashMilesCleanup.Result r = cleanup.cleanUp(clock.instant());
    return Map.of(
        "asOf", r.asOf().toString(),
        "quotesDeleted", r.quotesDeleted(),
        "idempotencyKeysDeleted", r.idempotencyKeysDeleted());
  }
}
