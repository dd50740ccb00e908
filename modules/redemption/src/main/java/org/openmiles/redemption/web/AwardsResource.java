package org.openmiles.redemption.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.common.Dates;
import org.openmiles.common.ValidationException;
import org.openmiles.common.Validator;
import org.openmiles.common.idempotency.IdempotencyKeys;
import org.openmiles.common.web.Answers;
import org.openmiles.common.web.QueryParams;
import org.openmiles.common.web.RequestBodies;
import org.openmiles.redemption.api.AwardPrice;
import org.openmiles.redemption.api.AwardService;
import org.openmiles.redemption.api.AwardView;
import org.openmiles.redemption.api.Cabin;
import org.openmiles.redemption.api.CancellationQuote;
import org.openmiles.redemption.api.Journey;
import org.openmiles.redemption.api.PartnerAwardView;
import org.openmiles.redemption.api.Passenger;
import org.openmiles.redemption.api.PriceAward;
import org.openmiles.redemption.api.PriceUpgrade;
import org.openmiles.redemption.api.RedeemAward;

/** Award tickets, upgrades and partner vouchers: price, redeem, look up, cancel. */
@Path("v1/awards")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Awards", description = "Price and redeem award tickets, upgrades, partner awards")
@APIResponse(responseCode = "400", description = "VALIDATION_FAILED, MALFORMED_REQUEST")
public class AwardsResource {

  @Inject AwardService awards;

  /** A flight in a request: airports, cabin, journey, dates (yyyy-MM-dd). */
  public record FlightJson(
      String origin,
      String destination,
      String cabin,
      String journey,
      String outbound,
      String inbound) {}

  /** An upgrade in a request: the paid ticket's segment, class and cabins. */
  public record UpgradeJson(
      String origin,
      String destination,
      String carrier,
      String bookingClass,
      String from,
      String to,
      String date) {}

  /** Who travels: kind MEMBER, NOMINEE, FAMILY_CHILD (with beneficiaryId) or OTHER (names). */
  public record PassengerJson(String kind, Long beneficiaryId, String firstName, String lastName) {}

  /** Body of a redemption: the member and exactly one of flight, upgrade, partnerAward. */
  public record RedeemJson(
      String member,
      FlightJson flight,
      UpgradeJson upgrade,
      String partnerAward,
      PassengerJson passenger,
      String clientReference) {}

  @GET
  @Path("price")
  @Operation(
      summary = "Price an award ticket by the award chart",
      description =
          "Miles per passenger and in total; peak or off-peak by the calendar for each travel"
              + " date; a round trip without a round-trip chart row is two one-way awards.")
  @APIResponse(responseCode = "404", description = "UNKNOWN_AIRPORT")
  @APIResponse(responseCode = "422", description = "NO_AWARD_ROUTE")
  public AwardPrice price(
      @QueryParam("origin") String origin,
      @QueryParam("destination") String destination,
      @QueryParam("cabin") String cabin,
      @QueryParam("journey") @DefaultValue("ONE_WAY") String journey,
      @QueryParam("outbound") String outbound,
      @QueryParam("return") String inbound,
      @QueryParam("passengers") @DefaultValue("1") String passengers) {
    int p =
        Validator.valid(
            "passengers", () -> (int) QueryParams.wholeNumber(passengers, 1, Integer.MAX_VALUE));
    return awards.price(
        flight(new FlightJson(origin, destination, cabin, journey, outbound, inbound), p));
  }

  @GET
  @Path("upgrade-price")
  @Operation(summary = "Price an upgrade award for a member's paid one-way segment")
  @APIResponse(
      responseCode = "422",
      description = "TIER_NOT_ELIGIBLE, CLASS_NOT_UPGRADABLE, NO_AWARD_ROUTE")
  public AwardPrice upgradePrice(
      @QueryParam("member") String member,
      @QueryParam("origin") String origin,
      @QueryParam("destination") String destination,
      @QueryParam("carrier") String carrier,
      @QueryParam("bookingClass") String bookingClass,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("date") String date) {
    MemberNumber m = Validator.valid("member", () -> new MemberNumber(member));
    return awards.priceUpgrade(
        upgrade(m, new UpgradeJson(origin, destination, carrier, bookingClass, from, to, date)));
  }

  @GET
  @Path("partner-awards")
  @Operation(summary = "The partner award (voucher) catalogue")
  public List<PartnerAwardView> partnerAwards() {
    return awards.partnerAwards();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Redeem an award",
      description =
          "Debits the member's miles (oldest-expiring first) and issues an award with its own"
              + " reference (AW + 10 digits). The Idempotency-Key header (or clientReference) makes"
              + " a retry return the first award (200, replayed) instead of 201.")
  @APIResponse(responseCode = "201", description = "the award issued")
  @APIResponse(
      responseCode = "404",
      description =
          "MEMBER_NOT_FOUND, UNKNOWN_AIRPORT, PARTNER_AWARD_NOT_FOUND, BENEFICIARY_NOT_FOUND")
  @APIResponse(
      responseCode = "422",
      description =
          "INSUFFICIENT_MILES, NO_AWARD_ROUTE, NOT_A_NOMINEE, NOT_A_FAMILY_CHILD, TIER_NOT_ELIGIBLE,"
              + " CLASS_NOT_UPGRADABLE, MEMBER_NOT_ACTIVE, IDEMPOTENCY_KEY_REUSED")
  public Response redeem(@HeaderParam(IdempotencyKeys.HEADER) String key, RedeemJson body) {
    RequestBodies.require(body, "is required");
    String reference = key != null ? key : body.clientReference();
    if (reference == null) {
      throw ValidationException.of(
          IdempotencyKeys.HEADER, "is required (or clientReference in the body)");
    }
    MemberNumber member = Validator.valid("member", () -> new MemberNumber(body.member()));
    var flight = body.flight() == null ? null : flight(body.flight(), 1);
    var upgrade = body.upgrade() == null ? null : upgrade(member, body.upgrade());
    Passenger passenger =
        body.passenger() == null
            ? Passenger.MEMBER
            : Validator.valid(
                "passenger",
                () ->
                    new Passenger(
                        Passenger.Kind.valueOf(body.passenger().kind()),
                        body.passenger().beneficiaryId(),
                        body.passenger().firstName(),
                        body.passenger().lastName()));
    RedeemAward command =
        Validator.valid(
            "award",
            () ->
                new RedeemAward(
                    member, reference, flight, upgrade, body.partnerAward(), passenger));
    AwardView v = awards.redeem(command);
    return Answers.createdOrReplayed(v.replayed(), v);
  }

  @GET
  @Path("{reference}")
  @Operation(summary = "An award by its reference")
  @APIResponse(responseCode = "404", description = "AWARD_NOT_FOUND")
  public AwardView award(@PathParam("reference") String reference) {
    return awards.award(reference);
  }

  @GET
  @Path("{reference}/cancellation")
  @Operation(
      summary = "What cancelling an award would do today",
      description =
          "The fee, the miles that would go back by expiry date and those that would not (their"
              + " date has passed); nothing changes. A cancelled award is 409.")
  @APIResponse(responseCode = "404", description = "AWARD_NOT_FOUND")
  @APIResponse(responseCode = "409", description = "ALREADY_CANCELLED")
  public CancellationQuote cancellation(@PathParam("reference") String reference) {
    return awards.cancellation(reference);
  }

  @POST
  @Path("{reference}/cancel")
  @Operation(
      summary = "Cancel an award",
      description =
          "Redeposits the miles less the program's fee, with their original expiry where the"
              + " program says so. An award cancels once: a second cancel is 409.")
  @APIResponse(responseCode = "404", description = "AWARD_NOT_FOUND")
  @APIResponse(responseCode = "409", description = "ALREADY_CANCELLED")
  public AwardView cancel(@PathParam("reference") String reference) {
    return awards.cancel(reference);
  }

  private static PriceAward flight(FlightJson f, int passengers) {
    Validator v = new Validator();
    Cabin cabin = v.check("cabin", () -> Cabin.valueOf(required(f.cabin(), "cabin")));
    Journey journey = v.check("journey", () -> Journey.valueOf(required(f.journey(), "journey")));
    LocalDate out = v.check("outbound", () -> Dates.parse(required(f.outbound(), "outbound")));
    LocalDate back = v.check("return", () -> f.inbound() == null ? null : Dates.parse(f.inbound()));
    v.throwIfInvalid();
    return Validator.valid(
        "flight",
        () -> new PriceAward(f.origin(), f.destination(), cabin, journey, out, back, passengers));
  }

  private static PriceUpgrade upgrade(MemberNumber member, UpgradeJson u) {
    Validator v = new Validator();
    Cabin from = v.check("from", () -> Cabin.valueOf(required(u.from(), "from")));
    Cabin to = v.check("to", () -> Cabin.valueOf(required(u.to(), "to")));
    LocalDate date = v.check("date", () -> Dates.parse(required(u.date(), "date")));
    v.throwIfInvalid();
    return Validator.valid(
        "upgrade",
        () ->
            new PriceUpgrade(
                member,
                u.origin(),
                u.destination(),
                u.carrier(),
                u.bookingClass(),
                from,
                to,
                date));
  }

  static String required(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is required");
    }
    return value.strip();
  }
}
