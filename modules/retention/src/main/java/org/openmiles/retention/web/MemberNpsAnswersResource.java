package org.openmiles.retention.web;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberService;
import org.openmiles.retention.api.NpsAnswerView;
import org.openmiles.retention.api.NpsAnswers;

/**
 * A member's NPS survey answers. Its own root resource, more specific than the other {@code
 * v1/retention} resources, so that JAX-RS picks it for this path ({@link NpsResource}).
 */
@Path("v1/retention/members/{number}/nps-answers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = NpsResource.TAG)
@APIResponse(responseCode = "401", description = "UNAUTHENTICATED: no or invalid bearer token")
@APIResponse(responseCode = "403", description = "FORBIDDEN: the token's roles may not call this")
public class MemberNpsAnswersResource {
  @Inject NpsAnswers nps;
  @Inject MemberService members;

  @GET
  @Operation(
      summary = "The member's latest survey answers, newest first",
      description =
          "Up to limit (1 to 100, default 20) answers with score, comment, touchpoint, flight,"
              + " route, when answered, the member's tier then and where the answer came from.")
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: limit")
  @APIResponse(responseCode = "404", description = "MEMBER_NOT_FOUND")
  public List<NpsAnswerView> history(
      @PathParam("number") String number, @QueryParam("limit") @DefaultValue("20") int limit) {
    MemberNumber member = MemberNumber.fromRequest(number);
    members.get(member);
    return nps.history(member, limit);
  }
}
