package org.openmiles.app.whatif;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accrual.api.PlannedSegment;
import org.openmiles.common.ValidationException;
import org.openmiles.common.security.Callers;

/** {@code POST /v1/members/{number}/what-if}: see {@link WhatIfs}. */
@Path("v1/members/{number}/what-if")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "What-if", description = "What a planned trip would earn, nothing written")
public class WhatIfResource {

  @Inject WhatIfs whatIfs;
  @Context SecurityContext security;

  /** The whole trip's fare, to price Cash &amp; Miles splits (optional). */
  public record FareRequest(
      BigDecimal baseFare, BigDecimal taxesAndFees, String currency, Integer passengers) {}

  /** The itinerary and, optionally, its fare. */
  public record WhatIfRequest(List<PlannedSegment> segments, FareRequest fare) {}

  @POST
  @Operation(
      summary = "What a planned itinerary would earn the member",
      description =
          "Each segment rated as a flown-coupon file would credit it (the rules in force on its"
              + " date, the member's tier today, the promotions that would pay it with the"
              + " member's registrations and what caps have left), the tier progress it would make"
              + " in the current qualification period and whether it reaches the next tier, and,"
              + " with a fare, the Cash & Miles splits it could be paid with now. Nothing is"
              + " written: no quote is kept (authorize a payment through /cash-and-miles/quotes).")
  @RequestBody(
      content =
          @org.eclipse.microprofile.openapi.annotations.media.Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @org.eclipse.microprofile.openapi.annotations.media.ExampleObject(
                      name = "Saigon-Hanoi return",
                      value =
                          "{\"segments\":[{\"carrier\":\"VN\",\"origin\":\"SGN\",\"destination\":"
                              + "\"HAN\",\"date\":\"2027-03-01\",\"bookingClass\":\"Y\"},"
                              + "{\"carrier\":\"VN\",\"origin\":\"HAN\",\"destination\":\"SGN\","
                              + "\"date\":\"2027-03-05\",\"bookingClass\":\"Y\"}],\"fare\":"
                              + "{\"baseFare\":240.00,\"taxesAndFees\":60.00,\"currency\":"
                              + "\"USD\",\"passengers\":1}}")))
  @APIResponse(responseCode = "200", description = "What the trip would earn")
  @APIResponse(
      responseCode = "400",
      description = "VALIDATION_FAILED (every broken segment field at once), MALFORMED_REQUEST")
  @APIResponse(responseCode = "404", description = "MEMBER_NOT_FOUND")
  public WhatIf whatIf(@PathParam("number") String number, WhatIfRequest body) {
    if (body == null || body.segments() == null) {
      throw ValidationException.of("segments", "1 to 16 planned flights");
    }
    MemberNumber member = MemberNumber.fromRequest(number);
    return whatIfs.whatIf(member, body.segments(), fare(body.fare()), Callers.subject(security));
  }

  private static WhatIfs.Fare fare(FareRequest f) {
    if (f == null) {
      return null;
    }
    return new WhatIfs.Fare(f.baseFare(), f.taxesAndFees(), f.currency(), f.passengers());
  }
}
