package org.openmiles.accounts.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmiles.accounts.api.CaptureHold;
import org.openmiles.accounts.api.HoldView;
import org.openmiles.accounts.api.MilesLedger;
import org.openmiles.accounts.api.SourceReference;
import org.openmiles.common.Validator;
import org.openmiles.common.web.RequestBodies;

/** Resolve holds by their reference: capture (fully or partly) or release. Each resolves once. */
@Path("v1/holds/{ref}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Holds", description = "Two-phase miles holds: capture or release, each at most once")
public class HoldsResource {

  @Inject MilesLedger ledger;
  @Inject PaymentHoldGuard payments;

  /** Capture {@code miles} (at most the held amount); the rest is released. */
  public record CaptureRequest(Long miles) {}

  @GET
  @Operation(summary = "Get a hold")
  @APIResponse(responseCode = "404", description = "HOLD_NOT_FOUND")
  public HoldView get(@PathParam("ref") String ref) {
    return ledger.hold(parse(ref));
  }

  @POST
  @Path("capture")
  @Operation(
      summary = "Capture a hold, fully or partly",
      description = "A retry of the same capture returns the captured hold.")
  @APIResponse(
      responseCode = "409",
      description =
          "HOLD_ALREADY_RESOLVED; HOLD_BELONGS_TO_PAYMENT (a Cash & Miles payment's hold)")
  @APIResponse(responseCode = "422", description = "HOLD_EXPIRED, CAPTURE_EXCEEDS_HOLD")
  public HoldView capture(@PathParam("ref") String ref, CaptureRequest body) {
    CaptureRequest b = RequestBodies.require(body);
    Validator.valid("miles", () -> java.util.Objects.requireNonNull(b.miles(), "is required"));
    SourceReference hold = parse(ref);
    payments.requireNotAPaymentsHold(hold, "captured");
    return ledger.captureHold(Validator.valid("capture", () -> new CaptureHold(hold, b.miles())));
  }

  @POST
  @Path("release")
  @Operation(
      summary = "Release (void) a hold",
      description = "A retried release returns the released hold.")
  @APIResponse(
      responseCode = "409",
      description =
          "HOLD_ALREADY_RESOLVED; HOLD_BELONGS_TO_PAYMENT (a Cash & Miles payment's hold)")
  public HoldView release(@PathParam("ref") String ref) {
    SourceReference hold = parse(ref);
    payments.requireNotAPaymentsHold(hold, "released");
    return ledger.releaseHold(hold);
  }

  private static SourceReference parse(String ref) {
    return Validator.valid("ref", () -> SourceReference.of(ref));
  }
}
