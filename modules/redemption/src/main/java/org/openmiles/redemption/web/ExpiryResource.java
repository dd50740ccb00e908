package org.openmiles.redemption.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmiles.accounts.api.ExpiringMilesPage;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.common.Dates;
import org.openmiles.common.ValidationException;
import org.openmiles.common.Validator;
import org.openmiles.common.idempotency.IdempotencyKeys;
import org.openmiles.common.web.Answers;
import org.openmiles.common.web.QueryParams;
import org.openmiles.common.web.RequestBodies;
import org.openmiles.redemption.api.BuyExtension;
import org.openmiles.redemption.api.ExpiryServices;
import org.openmiles.redemption.api.ExtensionPackageView;
import org.openmiles.redemption.api.ExtensionView;

/** Expiring miles: who is affected, extension packages and purchases, notices on demand. */
@Path("v1/expiry")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Miles expiry", description = "Expiring miles, paid extensions, notices")
public class ExpiryResource {

  @Inject ExpiryServices expiry;
  @Inject Clock clock;

  /** Body of a purchase: the member, the package, the payment that paid for it. */
  public record ExtensionJson(String member, String packageCode, String paymentReference) {}

  @GET
  @Path("members")
  @Operation(
      summary = "Members with miles expiring within withinDays (30, 60, 90...) of today",
      description = "Keyset pages by member number: pass nextAfter as after for the next page.")
  public ExpiringMilesPage members(
      @QueryParam("withinDays") @DefaultValue("30") String withinDays,
      @QueryParam("after") String after,
      @QueryParam("limit") @DefaultValue("100") String limit) {
    Validator v = new Validator();
    Long days = v.check("withinDays", () -> QueryParams.wholeNumber(withinDays, 0, 366));
    Long n = v.check("limit", () -> QueryParams.wholeNumber(limit, 1, 1000));
    MemberNumber from = after == null ? null : v.check("after", () -> new MemberNumber(after));
    v.throwIfInvalid();
    return expiry.expiring(days.intValue(), from, n.intValue());
  }

  @GET
  @Path("packages")
  @Operation(summary = "Extension packages on sale")
  public List<ExtensionPackageView> packages() {
    return expiry.packages();
  }

  @POST
  @Path("extensions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Buy an extension package",
      description =
          "Moves up to the package's miles of the member's soonest-expiring miles to an expiry the"
              + " package's months later. Idempotency-Key required: a retry returns the first"
              + " purchase (200, replayed).")
  @APIResponse(responseCode = "404", description = "MEMBER_NOT_FOUND, EXTENSION_PACKAGE_NOT_FOUND")
  @APIResponse(responseCode = "422", description = "NO_EXPIRING_MILES, MEMBER_NOT_ACTIVE")
  public Response buy(@HeaderParam(IdempotencyKeys.HEADER) String key, ExtensionJson body) {
    RequestBodies.require(body, "is required");
    if (key == null) {
      throw ValidationException.of(IdempotencyKeys.HEADER, "is required");
    }
    BuyExtension b =
        Validator.valid(
            "extension",
            () ->
                new BuyExtension(
                    new MemberNumber(AwardsResource.required(body.member(), "member")),
                    body.packageCode(),
                    key,
                    body.paymentReference()));
    ExtensionView v = expiry.buyExtension(b);
    return Answers.createdOrReplayed(v.replayed(), v);
  }

  @POST
  @Path("notices")
  @Operation(
      summary = "Send the expiry notices due (the daily job does this)",
      description = "Each member is told once per window (30/60/90 days) and expiry date.")
  public Map<String, Object> notices(@QueryParam("asOf") String asOf) {
    LocalDate day =
        asOf == null ? LocalDate.now(clock) : Validator.valid("asOf", () -> Dates.parse(asOf));
    return Map.of("asOf", day.toString(), "membersNotified", expiry.sendExpiryNotices(day));
  }
}
