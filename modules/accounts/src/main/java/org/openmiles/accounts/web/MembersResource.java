package org.openmiles.accounts.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmiles.accounts.api.BalanceView;
import org.openmiles.accounts.api.EnrollMember;
import org.openmiles.accounts.api.EntryType;
import org.openmiles.accounts.api.HoldView;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberSearch;
import org.openmiles.accounts.api.MemberService;
import org.openmiles.accounts.api.MemberStatus;
import org.openmiles.accounts.api.MemberView;
import org.openmiles.accounts.api.MilesLedger;
import org.openmiles.accounts.api.PlaceHold;
import org.openmiles.accounts.api.PostMiles;
import org.openmiles.accounts.api.PostingResult;
import org.openmiles.accounts.api.SourceReference;
import org.openmiles.accounts.api.StatementPage;
import org.openmiles.accounts.api.StatementQuery;
import org.openmiles.accounts.api.UpdateProfile;
import org.openmiles.common.Dates;
import org.openmiles.common.Validator;
import org.openmiles.common.idempotency.IdempotencyKeys;
import org.openmiles.common.web.Answers;
import org.openmiles.common.web.QueryParams;
import org.openmiles.common.web.RequestBodies;

/** Back-office member API: enrollment, profile, status, balance, statement, postings, holds. */
@Path("v1/members")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Members",
    description = "Enrollment, profile, status, balance, statement, postings and holds")
@APIResponse(responseCode = "404", description = "MEMBER_NOT_FOUND")
public class MembersResource {

  @Inject MemberService members;
  @Inject MilesLedger ledger;
  @Inject PaymentHoldGuard paymentHolds;
  @Inject java.time.Clock clock;
  @Context UriInfo uriInfo;

  /** Enrollment request body. */
  public record EnrollRequest(
      String firstName,
      String lastName,
      String email,
      String phone,
      LocalDate birthDate,
      String country,
      Boolean marketingConsent) {}

  /** A status change with the reason the agent gives. */
  public record StatusRequest(MemberStatus status, String reason) {}

  /** Post miles. {@code sourceReference} is the idempotency key. */
  public record PostingRequest(
      EntryType type,
      Long miles,
      String sourceReference,
      LocalDate activityDate,
      String description) {}

  /** Place a hold. {@code sourceReference} identifies the hold and is its idempotency key. */
  public record HoldRequest(
      Long miles, String sourceReference, Long ttlSeconds, String description) {}

  @POST
  @Operation(
      summary = "Enroll a member",
      description =
          "Returns 201 with the member and its new number. "
              + "Send an Idempotency-Key header to make a retry return the same member.")
  @APIResponse(responseCode = "201", description = "Enrolled")
  @APIResponse(responseCode = "409", description = "MEMBER_ALREADY_ENROLLED")
  public Response enroll(
      EnrollRequest body,
      @Parameter(description = "Makes a retried enrollment return the first answer")
          @HeaderParam(IdempotencyKeys.HEADER)
          String idempotencyKey) {
    EnrollRequest b = RequestBodies.require(body);
    MemberView m =
        members.enroll(
            new EnrollMember(
                b.firstName(),
                b.lastName(),
                b.email(),
                b.phone(),
                b.birthDate(),
                b.country(),
                Boolean.TRUE.equals(b.marketingConsent())),
            idempotencyKey);
    return Response.created(uriInfo.getAbsolutePathBuilder().path(m.number().value()).build())
        .entity(m)
        .build();
  }

  @GET
  @Operation(summary = "Search members by name prefix, email or phone")
  public List<MemberView> search(
      @QueryParam("name") String name,
      @QueryParam("email") String email,
      @QueryParam("phone") String phone,
      @QueryParam("limit") @DefaultValue("20") String limit) {
    int n = QueryParams.limit(limit, MemberSearch.MAX_LIMIT);
    MemberSearch s = Validator.valid("query", () -> new MemberSearch(name, email, phone, n));
    return members.search(s);
  }

  @GET
  @Path("{number}")
  @Operation(summary = "Get a member's profile and status")
  public MemberView get(@PathParam("number") String number) {
    return members.get(MemberNumber.fromRequest(number));
  }

  @PATCH
  @Path("{number}")
  @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  @Operation(summary = "Change profile fields (absent fields stay as they are)")
  public MemberView update(@PathParam("number") String number, EnrollRequest body) {
    EnrollRequest b = RequestBodies.require(body);
    return members.updateProfile(
        MemberNumber.fromRequest(number),
        new UpdateProfile(
            b.firstName(),
            b.lastName(),
            b.email(),
            b.phone(),
            b.birthDate(),
            b.country(),
            b.marketingConsent()));
  }

  @POST
  @Path("{number}/status")
  @Operation(summary = "Suspend, close or reactivate a member, with a reason")
  @APIResponse(responseCode = "422", description = "INVALID_STATUS_CHANGE")
  public MemberView changeStatus(@PathParam("number") String number, StatusRequest body) {
    StatusRequest b = RequestBodies.require(body);
    return members.changeStatus(MemberNumber.fromRequest(number), b.status(), b.reason());
  }

  @GET
  @Path("{number}/balance")
  @Operation(summary = "Balance, held and available miles, and the next miles to expire")
  public BalanceView balance(@PathParam("number") String number) {
    return ledger.balance(MemberNumber.fromRequest(number));
  }

  @GET
  @Path("{number}/statement")
  @Operation(
      summary = "Statement, newest first, with keyset pagination",
      description = "Pass the nextCursor of a page as cursor to get the next one.")
  public StatementPage statement(
      @PathParam("number") String number,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("type") List<String> types,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") @DefaultValue("50") String limit) {
    MemberNumber member = MemberNumber.fromRequest(number);
    int n = QueryParams.limit(limit, StatementQuery.MAX_LIMIT);
    Validator v = new Validator();
    LocalDate f = v.check("from", () -> from == null ? null : Dates.parse(from));
    LocalDate t = v.check("to", () -> to == null ? null : Dates.parse(to));
    Set<EntryType> ts = EnumSet.noneOf(EntryType.class);
    for (String type : types) {
      EntryType et = v.check("type", () -> EntryType.valueOf(type));
      if (et != null) {
        ts.add(et);
      }
    }
    v.throwIfInvalid();
    StatementQuery q =
        Validator.valid("query", () -> new StatementQuery(member, f, t, ts, cursor, n));
    return ledger.statement(q);
  }

  @POST
  @Path("{number}/postings")
  @Operation(
      summary = "Post miles (credit, debit, adjustment, reversal, redeposit)",
      description =
          "The sourceReference is the idempotency key: a retry returns the first result "
              + "with replayed=true; the same reference with a different posting is refused (409).")
  @APIResponse(responseCode = "201", description = "Posted")
  @APIResponse(responseCode = "200", description = "Replay of an earlier posting; nothing changed")
  @APIResponse(responseCode = "409", description = "SOURCE_REFERENCE_CONFLICT")
  @APIResponse(responseCode = "422", description = "INSUFFICIENT_MILES, MEMBER_NOT_ACTIVE")
  public Response post(@PathParam("number") String number, PostingRequest body) {
    MemberNumber member = MemberNumber.fromRequest(number);
    PostingRequest b = RequestBodies.require(body);
    Validator v = new Validator();
    v.require(
        b.type() != null, "type", "is required: CREDIT, DEBIT, ADJUSTMENT, REVERSAL or REDEPOSIT");
    v.require(b.miles() != null, "miles", "is required");
    SourceReference ref = v.check("sourceReference", () -> SourceReference.of(b.sourceReference()));
    v.throwIfInvalid();
    LocalDate date = b.activityDate() == null ? LocalDate.now(clock) : b.activityDate();
    PostMiles p =
        Validator.valid(
            "posting",
            () -> new PostMiles(member, b.type(), b.miles(), ref, date, b.description()));
    PostingResult r = ledger.post(p);
    return Answers.createdOrReplayed(r.replayed(), r);
  }

  @GET
  @Path("{number}/holds")
  @Operation(summary = "The member's holds, newest first")
  public List<HoldView> holds(
      @PathParam("number") String number,
      @QueryParam("active") @DefaultValue("false") String active) {
    if (!active.equals("true") && !active.equals("false")) {
      throw org.openmiles.common.ValidationException.of("active", "must be true or false");
    }
    return ledger.holds(MemberNumber.fromRequest(number), Boolean.parseBoolean(active));
  }

  @POST
  @Path("{number}/holds")
  @Operation(
      summary = "Hold miles for a pending payment",
      description = "A retry with the same sourceReference returns the same hold.")
  @APIResponse(responseCode = "201", description = "Held")
  @APIResponse(responseCode = "422", description = "INSUFFICIENT_MILES, MEMBER_NOT_ACTIVE")
  public Response placeHold(@PathParam("number") String number, HoldRequest body) {
    MemberNumber member = MemberNumber.fromRequest(number);
    HoldRequest b = RequestBodies.require(body);
    Validator v = new Validator();
    v.require(b.miles() != null, "miles", "is required");
    v.require(b.ttlSeconds() != null, "ttlSeconds", "is required");
    SourceReference ref = v.check("sourceReference", () -> SourceReference.of(b.sourceReference()));
    if (ref != null) {
      paymentHolds
          .paymentOf(ref)
          .ifPresent(p -> v.require(false, "sourceReference", "is reserved for " + p));
    }
    v.throwIfInvalid();
    PlaceHold cmd =
        Validator.valid(
            "hold",
            () ->
                new PlaceHold(
                    member, b.miles(), ref, Duration.ofSeconds(b.ttlSeconds()), b.description()));
    HoldView h = ledger.placeHold(cmd);
    return Response.status(201).entity(h).build();
  }
}
