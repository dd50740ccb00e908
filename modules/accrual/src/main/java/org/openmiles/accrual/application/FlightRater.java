package org.openmiles.accrual.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.openmiles.accrual.api.FlownCoupon;
import org.openmiles.accrual.domain.Airport;
import org.openmiles.accrual.domain.AirportRepository;
import org.openmiles.accrual.domain.Dated;
import org.openmiles.accrual.domain.DistanceRepository;
import org.openmiles.accrual.domain.EarnRuleRepository;
import org.openmiles.accrual.domain.FlightEarning;
import org.openmiles.accrual.domain.FlightRating;
import org.openmiles.accrual.domain.PartnerEarnRule.RatingException;
import org.openmiles.accrual.domain.QualifyingSpend;
import org.openmiles.tiers.api.TierBenefits;

/**
 * Rates flown coupons (and booked segments, for their expected miles) by the program's rules,
 * remembering the rules and airports it has read: one rater serves one chunk, so a chunk of
 * thousands of coupons on a few dozen routes reads each rule once. Refusals are {@link
 * RatingException}s with a stable code.
 */
final class FlightRater {
  private final AirportRepository airportRepository;
  private final DistanceRepository distances;
  private final EarnRuleRepository earnRules;
  private final Optional<String> spendCurrency;
  private final boolean
      spendCurrencyKnown; // false: every coupon with a fare is SPEND_CURRENCY_UNKNOWN
  private final Map<String, Optional<Airport>> airports = new HashMap<>();
  private final Map<String, List<FlightEarning.Factor>> factors = new HashMap<>();
  private final Map<RuleKey, Object> cache = new HashMap<>();

  /**
   * A rule's key in the cache: what kind and for which carrier, route or tier. A record rather than
   * a concatenated string, which cost a string build per rule look-up, three per coupon.
   */
  private record RuleKey(String kind, String a, String b) {}

  /** A rater that counts no qualifying spend (expected miles of bookings, tier bonus re-rating). */
  FlightRater(FlightRules rules) {
    this(rules, Optional.empty());
  }

  /**
   * A rater that also converts each fare to qualifying spend in {@code spendCurrency}, the tier
   * program's (empty when no tier counts spend: then there is none).
   */
  FlightRater(FlightRules rules, Optional<String> spendCurrency) {
    this.airportRepository = rules.airports();
    this.distances = rules.distances();
    this.earnRules = rules.earnRules();
    this.spendCurrency = spendCurrency;
    this.spendCurrencyKnown = spendCurrency.map(QualifyingSpend::isKnownCurrency).orElse(true);
  }

  /**
   * Reads the airports and city-pair distances of these routes ({@code [origin, destination]}) with
   * two queries instead of one or two per route; {@link #rate} then finds them remembered.
   */
  void prefetchRoutes(java.util.Collection<List<String>> routes) {
    java.util.Set<String> codes = new java.util.HashSet<>();
    java.util.Set<List<String>> pairs = new java.util.HashSet<>();
    for (List<String> r : routes) {
      if (!airports.containsKey(r.get(0))) {
        codes.add(r.get(0));
      }
      if (!airports.containsKey(r.get(1))) {
        codes.add(r.get(1));
      }
      if (!cache.containsKey(new RuleKey("pair", r.get(0), r.get(1)))) {
        pairs.add(r);
      }
    }
    Map<String, Airport> found = airportRepository.findAll(codes);
    codes.forEach(c -> airports.put(c, Optional.ofNullable(found.get(c))));
    Map<String, List<Dated<Long>>> miles = distances.cityPairMiles(pairs);
    for (List<String> p : pairs) {
      boolean ordered = p.get(0).compareTo(p.get(1)) < 0;
      String key = ordered ? p.get(0) + ":" + p.get(1) : p.get(1) + ":" + p.get(0);
      cache.put(new RuleKey("pair", p.get(0), p.get(1)), miles.getOrDefault(key, List.of()));
    }
  }

  /**
   * A segment to rate: a flown coupon, or a booked segment (which has no fare yet: {@code fare} and
   * {@code currency} are null, so it cannot be rated under the revenue model).
   */
  record Segment(
      String carrier,
      String bookingClass,
      String origin,
      String destination,
      LocalDate date,
      BigDecimal fare,
      String currency) {}

  FlightRating rate(FlownCoupon c, TierBenefits tier) {
    return rate(
        new Segment(
            c.flight().marketingCarrier(),
            c.fare().bookingClass(),
            c.flight().origin(),
            c.flight().destination(),
            c.flight().date(),
            c.fare().baseFare(),
            c.fare().currency()),
        tier);
  }

  FlightRating rate(Segment c, TierBenefits tier) {
    Airport from = airport(c.origin());
    Airport to = airport(c.destination());
    LocalDate date = c.date();
    FlightEarning.Region region =
        from.sameCountry(to) ? FlightEarning.Region.DOMESTIC : FlightEarning.Region.INTERNATIONAL;
    String carrier = c.carrier();
    String model =
        inForce(new RuleKey("model", carrier, ""), () -> earnRules.earnModels(carrier), date)
            .orElseThrow(
                () ->
                    new RatingException(
                        "CARRIER_NOT_EARNING",
                        "flights marketed by " + carrier + " earn no miles on " + date));
    long distance =
        this.<Long>inForce(
                new RuleKey("pair", c.origin(), c.destination()),
                () -> distances.cityPairMiles(c.origin(), c.destination()),
                date)
            .orElseGet(() -> from.milesTo(to));
    Optional<FlightEarning.Factor> factor =
        FlightEarning.factorFor(
            factors.computeIfAbsent(carrier, earnRules::earnFactors),
            carrier,
            c.bookingClass(),
            region,
            date);
    FlightEarning.Miles m;
    if (model.equals("REVENUE")) {
      if (c.fare() == null) {
        throw new RatingException(
            "NO_FARE",
            carrier
                + " earns by fare on "
                + date
                + "; the miles are known once the ticket is flown");
      }
      Fare fare = revenueFare(carrier, c, date);
      BigDecimal base = revenueRate(carrier, "MEMBER", fare.currency(), date);
      BigDecimal own =
          tier.rank() == 0 ? base : revenueRate(carrier, tier.code(), fare.currency(), date);
      m =
          FlightEarning.rateRevenue(
              fare.amount(),
              base,
              own,
              factor.map(FlightEarning.Factor::segmentFactor).orElse(BigDecimal.ONE));
    } else {
      FlightEarning.Factor f =
          factor.orElseThrow(
              () ->
                  new RatingException(
                      "CLASS_NOT_ELIGIBLE",
                      "booking class "
                          + c.bookingClass()
                          + " of "
                          + carrier
                          + " earns no miles on "
                          + region.name().toLowerCase(Locale.ROOT)
                          + " flights on "
                          + date));
      long minimum =
          this.<Long>inForce(
                  new RuleKey("min", carrier, region.name()),
                  () -> earnRules.minimumMiles(carrier, region.name()),
                  date)
              .orElse(0L);
      m = FlightEarning.rate(distance, f, minimum, tier.flightBonusPercent());
    }
    return new FlightRating(
        (int) distance,
        region.name(),
        m.baseMiles(),
        m.tierBonusMiles(),
        m.qualifyingMiles(),
        m.qualifyingSegments(),
        spend(c));
  }

  /**
   * The segment's base fare in the spend currency, by the rate in force on its date; none when no
   * tier counts spend or the segment has no fare (a booking, a claim an agent credits). A currency
   * without a rate is refused with {@code NO_SPEND_RATE}: counting nothing would silently
   * under-count a member's status.
   */
  private BigDecimal spend(Segment c) {
    if (spendCurrency.isEmpty() || c.fare() == null || c.fare().signum() == 0) {
      return NO_SPEND;
    }
    String to = spendCurrency.get();
    if (!spendCurrencyKnown) {
      throw new RatingException(
          "SPEND_CURRENCY_UNKNOWN",
          "the tier program counts qualifying spend in '"
              + to
              + "', which is not an ISO 4217 currency code; correct"
              + " tiers.tier_program.spend_currency and send the coupon again");
    }
    if (c.currency().equals(to)) {
      return QualifyingSpend.same(c.fare(), to);
    }
    BigDecimal rate =
        this.<BigDecimal>inForce(
                new RuleKey("spend", c.currency(), to),
                () -> earnRules.spendRates(c.currency(), to),
                c.date())
            .orElseThrow(
                () ->
                    new RatingException(
                        "NO_SPEND_RATE",
                        "no rate converts "
                            + c.currency()
                            + " fares to qualifying spend in "
                            + to
                            + " on "
                            + c.date()
                            + "; add it to accrual.spend_conversion_rate and send the"
                            + " coupon again"));
    return QualifyingSpend.convert(c.fare(), rate, to);
  }

  private static final BigDecimal NO_SPEND = BigDecimal.ZERO.setScale(2);

  /** A fare in the currency the revenue model rates it in. */
  record Fare(BigDecimal amount, String currency) {}

  /**
   * The segment's fare in a currency the carrier's revenue model has rates in: as sent when there
   * is a rate in its own currency, else converted by the effective-dated rate the program keeps for
   * qualifying spend (accrual.spend_conversion_rate) on the flight date, rounded half up to the
   * target currency's minor units, into the first rate currency that has such a rate (a fare in VND
   * earns by the USD rate). {@code NO_REVENUE_RATE} when neither works.
   */
  Fare revenueFare(String carrier, Segment c, LocalDate date) {
    List<String> currencies =
        this.<List<String>>remembered(
            new RuleKey("revcur", carrier, ""), () -> earnRules.revenueCurrencies(carrier));
    if (currencies.contains(c.currency())) {
      return new Fare(c.fare(), c.currency());
    }
    for (String to : currencies) {
      Optional<BigDecimal> rate =
          this.<BigDecimal>inForce(
              new RuleKey("spend", c.currency(), to),
              () -> earnRules.spendRates(c.currency(), to),
              date);
      if (rate.isPresent()) {
        return new Fare(QualifyingSpend.convert(c.fare(), rate.get(), to), to);
      }
    }
    throw new RatingException(
        "NO_REVENUE_RATE",
        carrier
            + " earns by fare in "
            + (currencies.isEmpty() ? "no currency" : String.join(", ", currencies))
            + ", and no rate in accrual.spend_conversion_rate converts "
            + c.currency()
            + " to it on "
            + date
            + "; add one and send the coupon again");
  }

  private BigDecimal revenueRate(String carrier, String tier, String currency, LocalDate date) {
    return this.<BigDecimal>inForce(
            new RuleKey("rev", carrier, tier + ":" + currency),
            () -> earnRules.revenueRates(carrier, tier, currency),
            date)
        .orElseThrow(
            () ->
                new RatingException(
                    "NO_REVENUE_RATE",
                    carrier
                        + " has no revenue earn rate in "
                        + currency
                        + " for tier "
                        + tier
                        + " on "
                        + date
                        + "; add one to accrual.revenue_earn_rate and send the coupon again"));
  }

  private Airport airport(String iata) {
    return airports
        .computeIfAbsent(iata, airportRepository::find)
        .orElseThrow(
            () ->
                new RatingException(
                    "UNKNOWN_AIRPORT",
                    "airport "
                        + iata
                        + " is not in the reference data; import it with POST"
                        + " /api/v1/reference/airports and send the coupon again"));
  }

  /**
   * The value in force on {@code date} of a rule whose versions are read once per rater: a chunk of
   * flights over a year of dates reads each rule once, not once per date.
   */
  @SuppressWarnings("unchecked")
  private <T> T remembered(RuleKey key, Supplier<T> read) {
    return (T) cache.computeIfAbsent(key, k -> read.get());
  }

  @SuppressWarnings("unchecked")
  private <T> Optional<T> inForce(RuleKey key, Supplier<List<Dated<T>>> read, LocalDate date) {
    List<Dated<T>> versions = (List<Dated<T>>) cache.computeIfAbsent(key, k -> read.get());
    return Dated.inForce(versions, date);
  }
}
