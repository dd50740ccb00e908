package org.openmiles.cashmiles.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonStructure;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.security.Principal;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmiles.cashmiles.api.CashMilesPayments;
import org.openmiles.cashmiles.api.ClientId;
import org.openmiles.cashmiles.api.PaymentQuery;
import org.openmiles.cashmiles.api.PaymentStatus;
import org.openmiles.cashmiles.web.CashMilesRequests.AuthorizeRequest;
import org.openmiles.cashmiles.web.CashMilesRequests.CaptureRequest;
import org.openmiles.cashmiles.web.CashMilesRequests.PaymentRef;
import org.openmiles.cashmiles.web.CashMilesRequests.QuoteRequest;
import org.openmiles.cashmiles.web.CashMilesRequests.RefundRequest;
import org.openmiles.common.Validator;
import org.openmiles.common.security.Callers;
import org.openmiles.common.web.QueryParams;

/**
 * The booking-engine API. Callers authenticate with a JWT bearer token (MicroProfile JWT) carrying
 * the group {@value #ROLE}; the token's {@code sub} is the client id that owns quotes, payments and
 * Idempotency-Keys. Every mutating call is {@link Idempotent}: its request body is a record of
 * {@link CashMilesRequests}, checked before it runs.
 */
@Path("v1/cash-and-miles")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Cash & Miles",
    description =
        "Booking engines pay part of a fare with miles: quote, authorize (hold), capture, void,"
            + " refund. JWT bearer auth; Idempotency-Key on every POST.")
@SecurityScheme(
    securitySchemeName = "bookingEngineJwt",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description = "RS256 JWT with sub = client id and groups containing booking-engine")
@SecurityRequirement(name = "bookingEngineJwt")
@APIResponse(
    responseCode = "400",
    description = "VALIDATION_FAILED, MALFORMED_REQUEST, IDEMPOTENCY_KEY_REQUIRED")
@APIResponse(responseCode = "401", description = "UNAUTHENTICATED: no or invalid bearer token")
@APIResponse(
    responseCode = "403",
    description = "FORBIDDEN: the token lacks the booking-engine group")
public class CashMilesResource implements IdempotencyInterceptor.Resource {
  public static final String ROLE = "booking-engine";

  private static final String KEY_DOC =
      "Required on every POST, 1-120 printable characters, unique per intended operation. A retry"
          + " with the same key and body gets the first answer (same status and body); the same key"
          + " with another body: 422 IDEMPOTENCY_KEY_REUSED; while the first is still running: 409"
          + " IDEMPOTENCY_KEY_IN_USE.";

  @Inject CashMilesPayments payments;
  @Context SecurityContext security;
  @Context UriInfo uriInfo;
  @Context HttpHeaders headers;

  @POST
  @Path("quotes")
  @Operation(
      summary = "Quote a fare as miles + cash",
      description =
          "The allowed miles (minimum per passenger and segment, in steps, up to the share of the"
              + " base fare miles may pay), a few example splits capped at the member's available"
              + " miles, and a token that locks the mile value until expiresAt. Taxes and fees are"
              + " always cash. The Idempotency-Key is optional here (a quote moves no miles).")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "one passenger, two segments",
                      value =
                          "{\"member\":\"1000000016\",\"baseFare\":{\"amount\":\"250.00\","
                              + "\"currency\":\"USD\"},\"taxesAndFees\":{\"amount\":\"45.50\","
                              + "\"currency\":\"USD\"},\"passengers\":1,\"segments\":2}")))
  @APIResponse(
      responseCode = "201",
      description = "The quote (no Location: a quote is used through its token, not read back)")
  @APIResponse(responseCode = "404", description = "MEMBER_NOT_FOUND")
  @APIResponse(
      responseCode = "422",
      description = "MEMBER_NOT_ACTIVE, CURRENCY_NOT_SUPPORTED, FARE_TOO_LOW_FOR_MILES")
  @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = "Optional for quotes")
  @Idempotent(value = "quote", keyRequired = false)
  public Response quote(QuoteRequest body) {
    return json(201, CashMilesJson.quote(payments.quote(body.command(client()))));
  }

  @POST
  @Path("payments")
  @Operation(
      summary = "Authorize: hold the miles of one split of a quote",
      description =
          "Places a ledger hold for the miles; it expires on its own after the program's hold"
              + " time limit (holdExpiresAt) unless captured or voided first.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "authorize",
                      value =
                          "{\"quoteToken\":\"q_Zb3...\",\"miles\":10000,"
                              + "\"bookingReference\":\"X7K2QP\"}")))
  @APIResponse(
      responseCode = "201",
      description = "The payment, AUTHORIZED",
      headers =
          @Header(
              name = "Location",
              description = "The payment: /api/v1/cash-and-miles/payments/{paymentId}",
              schema = @Schema(type = SchemaType.STRING, format = "uri")))
  @APIResponse(responseCode = "404", description = "QUOTE_NOT_FOUND, MEMBER_NOT_FOUND")
  @APIResponse(responseCode = "409", description = "IDEMPOTENCY_KEY_IN_USE")
  @APIResponse(
      responseCode = "422",
      description =
          "INSUFFICIENT_MILES, MEMBER_NOT_ACTIVE, QUOTE_EXPIRED, BELOW_MINIMUM_MILES,"
              + " ABOVE_MAXIMUM_MILES, MILES_NOT_IN_STEP, IDEMPOTENCY_KEY_REUSED")
  @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = KEY_DOC)
  @Idempotent(value = "authorize", location = "payments/{paymentId}")
  public Response authorize(AuthorizeRequest body) {
    return json(201, CashMilesJson.payment(payments.authorize(body.command(client()))));
  }

  @POST
  @Path("payments/{id}/capture")
  @Operation(
      summary = "Capture (at ticketing): debit the held miles",
      description =
          "Optional body {\"ticketNumbers\":[\"7381234567890\"]}. The ledger's hold decides a"
              + " capture racing the hold's expiry: exactly one of them wins.")
  @APIResponse(responseCode = "200", description = "The payment, CAPTURED")
  @APIResponse(
      responseCode = "404",
      description = "PAYMENT_NOT_FOUND (also another client's payment)")
  @APIResponse(
      responseCode = "409",
      description = "ALREADY_CAPTURED, ALREADY_VOIDED, IDEMPOTENCY_KEY_IN_USE")
  @APIResponse(responseCode = "422", description = "HOLD_EXPIRED, IDEMPOTENCY_KEY_REUSED")
  @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = KEY_DOC)
  @Idempotent("capture")
  public Response capture(@PathParam("id") PaymentRef id, CaptureRequest body) {
    return json(200, CashMilesJson.payment(payments.capture(client(), id.id(), body.tickets())));
  }

  @POST
  @Path("payments/{id}/void")
  @Operation(summary = "Void: release the hold; the miles are available again")
  @APIResponse(responseCode = "200", description = "The payment, VOIDED")
  @APIResponse(responseCode = "404", description = "PAYMENT_NOT_FOUND")
  @APIResponse(
      responseCode = "409",
      description = "ALREADY_CAPTURED, ALREADY_VOIDED, IDEMPOTENCY_KEY_IN_USE")
  @APIResponse(responseCode = "422", description = "HOLD_EXPIRED, IDEMPOTENCY_KEY_REUSED")
  @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = KEY_DOC)
  @Idempotent("void")
  public Response voidPayment(@PathParam("id") PaymentRef id) {
    return json(200, CashMilesJson.payment(payments.voidPayment(client(), id.id())));
  }

  @POST
  @Path("payments/{id}/refunds")
  @Operation(
      summary = "Refund captured miles (all not yet refunded, or some)",
      description =
          "Body {\"miles\": optional, \"reason\": \"VOLUNTARY\"|\"INVOLUNTARY\"}. By program"
              + " rule a voluntary refund keeps the miles and an involuntary one redeposits them"
              + " (a ledger REDEPOSIT with its own source reference).")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples =
                  @ExampleObject(
                      name = "involuntary, all miles",
                      value = "{\"reason\":\"INVOLUNTARY\"}")))
  @APIResponse(
      responseCode = "201",
      description = "The refund, with the payment after it",
      headers =
          @Header(
              name = "Location",
              description =
                  "The payment refunded (a refund is read as part of its payment):"
                      + " /api/v1/cash-and-miles/payments/{paymentId}",
              schema = @Schema(type = SchemaType.STRING, format = "uri")))
  @APIResponse(responseCode = "404", description = "PAYMENT_NOT_FOUND")
  @APIResponse(
      responseCode = "422",
      description = "NOT_CAPTURED, REFUND_EXCEEDS_CAPTURE, IDEMPOTENCY_KEY_REUSED")
  @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = KEY_DOC)
  @Idempotent(value = "refund", location = "payments/{paymentId}")
  public Response refund(@PathParam("id") PaymentRef id, RefundRequest body) {
    return json(
        201, CashMilesJson.refund(payments.refund(client(), id.id(), body.miles(), body.reason())));
  }

  @GET
  @Path("payments/{id}")
  @Operation(summary = "One of the client's payments, as it is now")
  @APIResponse(responseCode = "200", description = "The payment")
  @APIResponse(
      responseCode = "404",
      description = "PAYMENT_NOT_FOUND (also another client's payment)")
  public Response payment(@PathParam("id") PaymentRef id) {
    ClientId client = client();
    return json(200, CashMilesJson.payment(payments.payment(client, id.id())));
  }

  @GET
  @Path("payments")
  @Operation(
      summary = "The client's payments in id order (keyset pages)",
      description =
          "Pass the paymentId of the last payment of a page as after for the next one. status"
              + " filters by the status as it is now (AUTHORIZED past its hold reads EXPIRED).")
  @APIResponse(responseCode = "200", description = "A JSON array of payments")
  public Response list(
      @QueryParam("status") String status,
      @QueryParam("limit") @DefaultValue("50") String limit,
      @QueryParam("after") @DefaultValue("0") String after) {
    ClientId client = client();
    Validator v = new Validator();
    PaymentStatus s =
        status == null || status.isEmpty()
            ? null
            : v.check("status", () -> PaymentStatus.valueOf(status));
    Long l = v.check("limit", () -> QueryParams.wholeNumber(limit, 1, QueryParams.MAX_PAGE));
    Long a = v.check("after", () -> QueryParams.wholeNumber(after, 0, Long.MAX_VALUE));
    v.throwIfInvalid();
    JsonArrayBuilder out = CashMilesJson.JSON.createArrayBuilder();
    payments
        .payments(new PaymentQuery(client, Optional.ofNullable(s), a, l.intValue()))
        .forEach(p -> out.add(CashMilesJson.payment(p)));
    return json(200, out.build());
  }

  // --- plumbing

  @Override
  public HttpHeaders headers() {
    return headers;
  }

  @Override
  public UriInfo uriInfo() {
    return uriInfo;
  }

  /** A success with its JSON as text: the answer an idempotent operation stores. */
  private static Response json(int status, JsonStructure body) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body.toString())
        .build();
  }

  /**
   * The caller: the JWT's subject. The access matrix guards first; this also covers a bare
   * deployment.
   */
  @Override
  public ClientId client() {
    Principal p = security.getUserPrincipal();
    if (p == null) {
      throw new NotAuthorizedException("a bearer token is required", "Bearer");
    }
    if (!security.isUserInRole(ROLE)) {
      throw new ForbiddenException("the token does not carry the " + ROLE + " group");
    }
    String subject = Callers.subject(security);
    return Validator.valid("sub", () -> new ClientId(subject));
  }
}
