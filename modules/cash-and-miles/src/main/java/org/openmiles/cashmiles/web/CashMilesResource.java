package org.openmiles.cashmiles.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.cashmiles.api.AuthorizePayment;
import org.openmiles.cashmiles.api.CashMilesPayments;
import org.openmiles.cashmiles.api.ClientId;
import org.openmiles.cashmiles.api.PaymentNotFoundException;
import org.openmiles.cashmiles.api.PaymentQuery;
import org.openmiles.cashmiles.api.PaymentStatus;
import org.openmiles.cashmiles.api.RefundReason;
import org.openmiles.cashmiles.api.RequestQuote;
import org.openmiles.cashmiles.application.IdempotentRequests;
import org.openmiles.cashmiles.domain.IdempotencyRepository.Answer;
import org.openmiles.common.Money;
import org.openmiles.common.OpenMilesException;
import org.openmiles.common.Validator;
import org.openmiles.common.security.Callers;
import org.openmiles.common.web.Problems;
import org.openmiles.common.web.QueryParams;

/**
 * The booking-engine API. Callers authenticate with a JWT bearer token (MicroProfile JWT) carrying
 * the group {@value #ROLE}; the token's {@code sub} is the client id that owns quotes, payments and
 * Idempotency-Keys. Every mutating call runs through {@link IdempotentRequests}.
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
public class CashMilesResource {
  public static final String ROLE = "booking-engine";

  private static final String KEY_DOC =
      "Required on every POST, 1-120 printable characters, unique per intended operation. A retry"
          + " with the same key and body gets the first answer (same status and body); the same key"
          + " with another body: 422 IDEMPOTENCY_KEY_REUSED; while the first is still running: 409"
          + " IDEMPOTENCY_KEY_IN_USE.";

  @Inject CashMilesPayments payments;
  @Inject IdempotentRequests idempotency;
  @Context SecurityContext security;
  @Context UriInfo uriInfo;

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
  public Response quote(
      String text,
      @Parameter(description = "Optional for quotes") @HeaderParam("Idempotency-Key") String key) {
    ClientId client = client();
    JsonObject body = CashMilesJson.body(text);
    Validator v = new Validator();
    MemberNumber member =
        v.check("member", () -> new MemberNumber(CashMilesJson.text(body, "member")));
    Money baseFare = CashMilesJson.money(v, body, "baseFare");
    Money taxes = CashMilesJson.money(v, body, "taxesAndFees");
    Long passengers = CashMilesJson.whole(v, body, "passengers");
    Long segments = CashMilesJson.whole(v, body, "segments");
    v.require(passengers == null || (passengers >= 1 && passengers <= 9), "passengers", "1 to 9");
    v.require(segments == null || (segments >= 1 && segments <= 16), "segments", "1 to 16");
    v.require(segments != null, "segments", "is required");
    v.throwIfInvalid();
    int pax = passengers == null ? 1 : passengers.intValue();
    RequestQuote request =
        new RequestQuote(client, member, baseFare, taxes, pax, segments.intValue());
    Supplier<JsonObject> work = () -> CashMilesJson.quote(payments.quote(request));
    if (key == null || key.isEmpty()) {
      return json(201, work.get().toString());
    }
    return idempotent(
        client,
        key,
        "quote|" + member + "|" + baseFare + "|" + taxes + "|" + pax + "|" + segments,
        201,
        work);
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
  public Response authorize(
      String text, @Parameter(description = KEY_DOC) @HeaderParam("Idempotency-Key") String key) {
    ClientId client = client();
    JsonObject body = CashMilesJson.body(text);
    Validator v = new Validator();
    Long miles = CashMilesJson.whole(v, body, "miles");
    v.require(miles != null, "miles", "is required");
    AuthorizePayment command =
        v.check(
            "payment",
            () ->
                new AuthorizePayment(
                    client,
                    CashMilesJson.text(body, "quoteToken"),
                    miles == null ? 0 : miles,
                    CashMilesJson.text(body, "bookingReference")));
    v.throwIfInvalid();
    return idempotent(
        client,
        key,
        "authorize|"
            + command.quoteToken()
            + "|"
            + command.miles()
            + "|"
            + command.bookingReference(),
        201,
        () -> CashMilesJson.payment(payments.authorize(command)),
        true);
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
  public Response capture(
      @PathParam("id") String id,
      String text,
      @Parameter(description = KEY_DOC) @HeaderParam("Idempotency-Key") String key) {
    ClientId client = client();
    long paymentId = paymentId(id);
    JsonObject body = CashMilesJson.body(text);
    Validator v = new Validator();
    List<String> tickets = CashMilesJson.strings(v, body, "ticketNumbers");
    v.require(
        tickets.size() <= 36 && tickets.stream().allMatch(t -> t.matches("\\d{13}")),
        "ticketNumbers",
        "at most 36 ticket numbers of 13 digits");
    v.throwIfInvalid();
    return idempotent(
        client,
        key,
        "capture|" + paymentId + "|" + String.join(",", tickets),
        200,
        () -> CashMilesJson.payment(payments.capture(client, paymentId, tickets)));
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
  public Response voidPayment(
      @PathParam("id") String id,
      @Parameter(description = KEY_DOC) @HeaderParam("Idempotency-Key") String key) {
    ClientId client = client();
    long paymentId = paymentId(id);
    return idempotent(
        client,
        key,
        "void|" + paymentId,
        200,
        () -> CashMilesJson.payment(payments.voidPayment(client, paymentId)));
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
  public Response refund(
      @PathParam("id") String id,
      String text,
      @Parameter(description = KEY_DOC) @HeaderParam("Idempotency-Key") String key) {
    ClientId client = client();
    long paymentId = paymentId(id);
    JsonObject body = CashMilesJson.body(text);
    Validator v = new Validator();
    Long miles = CashMilesJson.whole(v, body, "miles");
    v.require(miles == null || miles > 0, "miles", "must be positive");
    RefundReason reason =
        v.check(
            "reason",
            () -> {
              String r = CashMilesJson.text(body, "reason");
              if (r == null) {
                throw new IllegalArgumentException("VOLUNTARY or INVOLUNTARY is required");
              }
              return RefundReason.valueOf(r);
            });
    v.throwIfInvalid();
    return idempotent(
        client,
        key,
        "refund|" + paymentId + "|" + (miles == null ? "all" : miles) + "|" + reason,
        201,
        () -> CashMilesJson.refund(payments.refund(client, paymentId, miles, reason)),
        true);
  }

  @GET
  @Path("payments/{id}")
  @Operation(summary = "One of the client's payments, as it is now")
  @APIResponse(responseCode = "200", description = "The payment")
  @APIResponse(
      responseCode = "404",
      description = "PAYMENT_NOT_FOUND (also another client's payment)")
  public Response payment(@PathParam("id") String id) {
    ClientId client = client();
    return json(200, CashMilesJson.payment(payments.payment(client, paymentId(id))).toString());
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
    return json(200, out.build().toString());
  }

  // --- plumbing

  private Response idempotent(
      ClientId client, String key, String request, int status, Supplier<JsonObject> work) {
    return idempotent(client, key, request, status, work, false);
  }

  /**
   * @param paymentLocation whether a 201 answer names its payment in {@code Location} (derived from
   *     the stored body, so a replay carries it too)
   */
  private Response idempotent(
      ClientId client,
      String key,
      String request,
      int status,
      Supplier<JsonObject> work,
      boolean paymentLocation) {
    Answer a =
        idempotency.execute(
            client, key, request, () -> new Answer(status, work.get().toString()), this::problem);
    Response.ResponseBuilder r =
        Response.status(a.status())
            .type(a.status() >= 400 ? Problems.PROBLEM_JSON : MediaType.APPLICATION_JSON_TYPE)
            .entity(a.body());
    if (paymentLocation && a.status() == 201) {
      long id = CashMilesJson.body(a.body()).getJsonNumber("paymentId").longValueExact();
      r.location(
          uriInfo
              .getBaseUriBuilder()
              .path(CashMilesResource.class)
              .path("payments/{id}")
              .build(id));
    }
    return r.build();
  }

  private Answer problem(OpenMilesException e) {
    Response r =
        Problems.response(
            Problems.status(e.kind()),
            e.code(),
            Problems.title(e.code()),
            e.getMessage(),
            "/" + uriInfo.getPath(),
            e.details());
    return new Answer(r.getStatus(), (String) r.getEntity());
  }

  private static Response json(int status, String body) {
    return Response.status(status)
        .type(status >= 400 ? Problems.PROBLEM_JSON : MediaType.APPLICATION_JSON_TYPE)
        .entity(body)
        .build();
  }

  /**
   * The caller: the JWT's subject. The access matrix guards first; this also covers a bare
   * deployment.
   */
  private ClientId client() {
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

  private static long paymentId(String id) {
    try {
      long value = Long.parseLong(id);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // falls through: an id that cannot exist is simply not found
    }
    throw new PaymentNotFoundException("no payment " + id);
  }
}
