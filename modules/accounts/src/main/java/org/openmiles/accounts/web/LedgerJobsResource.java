package org.openmiles.accounts.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmiles.accounts.api.ExpiryRunResult;
import org.openmiles.accounts.api.MilesLedger;
import org.openmiles.common.Dates;
import org.openmiles.common.Validator;

/**
 * Run the ledger's scheduled jobs on demand (operations, and tests that cannot wait for the
 * schedule). Both are idempotent: a second run for the same date or instant changes nothing.
 */
@Path("v1/ledger/jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ledger jobs", description = "Hold expiry and miles expiry, on demand")
public class LedgerJobsResource {

  @Inject MilesLedger ledger;
  @Inject Clock clock;

  @POST
  @Path("hold-expiry")
  @Operation(summary = "Expire holds past their time limit now")
  public Map<String, Object> expireHolds() {
    Instant now = clock.instant();
    return Map.of("asOf", now.toString(), "expiredHolds", ledger.expireHolds(now));
  }

  @POST
  @Path("miles-expiry")
  @Operation(summary = "Expire miles due before a date (default: today)")
  public ExpiryRunResult expireMiles(@QueryParam("asOf") String asOf) {
    LocalDate today = LocalDate.now(clock);
    LocalDate date = Validator.valid("asOf", () -> asOf == null ? today : Dates.parse(asOf));
    if (date.isAfter(today)) {
      throw org.openmiles.common.ValidationException.of("asOf", "must not be in the future");
    }
    return ledger.expireMiles(date);
  }
}
