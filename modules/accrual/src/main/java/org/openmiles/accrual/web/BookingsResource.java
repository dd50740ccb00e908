package org.openmiles.accrual.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmiles.accrual.api.BookingAccrual;
import org.openmiles.accrual.api.BookingView;
import org.openmiles.common.Validator;

/**
 * A booking (PNR) as the reservation system's booking files describe it, with the miles each
 * segment is expected to earn and, once flown, the coupon credited. For agents and members' apps.
 */
@Path("v1/bookings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Bookings",
    description = "Bookings from the reservation system and their expected miles")
public class BookingsResource {

  @Inject BookingAccrual bookings;

  @GET
  @Path("{pnr}")
  @Operation(
      summary = "A PNR's passengers and segments",
      description =
          "Status, expected miles (at the member's tier when the booking file arrived) and, for"
              + " flown segments, the credited coupon and its miles; claimId and claimStatus"
              + " when a missing-miles claim was filed for the segment's flight.")
  @APIResponse(
      responseCode = "400",
      description = "VALIDATION_FAILED: not a 6-character PNR locator")
  @APIResponse(responseCode = "404", description = "BOOKING_NOT_FOUND")
  public BookingView booking(@PathParam("pnr") String pnr) {
    String locator =
        Validator.valid(
            "pnr",
            () -> {
              String p = pnr.strip().toUpperCase(Locale.ROOT);
              if (!p.matches("[A-Z0-9]{6}")) {
                throw new IllegalArgumentException("must be 6 letters or digits, e.g. K7QX2M");
              }
              return p;
            });
    return bookings.booking(locator);
  }
}
