package org.openmiles.redemption.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.common.Dates;
import org.openmiles.common.Validator;
import org.openmiles.common.web.RequestBodies;
import org.openmiles.redemption.api.AddBeneficiary;
import org.openmiles.redemption.api.Beneficiaries;
import org.openmiles.redemption.api.BeneficiaryView;
import org.openmiles.redemption.api.Passenger;

/** The member's nominee list and family children, who may travel on the member's awards. */
@Path("v1/members/{number}/beneficiaries")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Awards")
public class BeneficiariesResource {

  @Inject Beneficiaries beneficiaries;

  /** kind NOMINEE or FAMILY_CHILD, names, birthDate (yyyy-MM-dd). */
  public record BeneficiaryJson(String kind, String firstName, String lastName, String birthDate) {}

  @GET
  @Operation(summary = "Nominees and family children of the member")
  public List<BeneficiaryView> list(@PathParam("number") String number) {
    return beneficiaries.list(MemberNumber.fromRequest(number));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add a nominee or a family child",
      description = "Adding someone already listed returns them (201 as well).")
  @APIResponse(responseCode = "422", description = "NOMINEE_LIMIT_REACHED")
  public Response add(@PathParam("number") String number, BeneficiaryJson body) {
    MemberNumber member = MemberNumber.fromRequest(number);
    RequestBodies.require(body, "is required");
    AddBeneficiary b =
        Validator.valid(
            "beneficiary",
            () ->
                new AddBeneficiary(
                    Passenger.Kind.valueOf(AwardsResource.required(body.kind(), "kind")),
                    body.firstName(),
                    body.lastName(),
                    Dates.parse(AwardsResource.required(body.birthDate(), "birthDate"))));
    return Response.status(201).entity(beneficiaries.add(member, b)).build();
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Remove a nominee or family child (issued awards stay valid)")
  @APIResponse(responseCode = "404", description = "BENEFICIARY_NOT_FOUND")
  public Response remove(@PathParam("number") String number, @PathParam("id") long id) {
    beneficiaries.remove(MemberNumber.fromRequest(number), id);
    return Response.noContent().build();
  }
}
