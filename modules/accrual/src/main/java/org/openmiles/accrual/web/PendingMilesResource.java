package org.openmiles.accrual.web;

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
import org.openmiles.accrual.api.BookingAccrual;
import org.openmiles.accrual.api.PendingMilesView;

/**
 * A member's expected (pending) miles from upcoming confirmed bookings. Its own root resource, more
 * specific than the accounts module's {@code v1/members}, so that JAX-RS picks it for this path.
 */
@Path("v1/members/{number}/pending-miles")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Bookings",
    description = "Bookings from the reservation system and their expected miles")
public class PendingMilesResource {

  @Inject BookingAccrual bookings;

  @GET
  @Operation(
      summary = "Expected miles of the member's upcoming confirmed flights",
      description =
          "Confirmed segments departing today (UTC) or later, in departure order, with expected"
              + " miles (base + tier bonus) and qualifying miles, and their totals. A forecast: the"
              + " miles are credited when the flown coupon arrives.")
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: malformed member number")
  @APIResponse(responseCode = "404", description = "MEMBER_NOT_FOUND")
  public PendingMilesView pendingMiles(@PathParam("number") String number) {
    return bookings.pendingMiles(MemberNumber.fromRequest(number));
  }
}
