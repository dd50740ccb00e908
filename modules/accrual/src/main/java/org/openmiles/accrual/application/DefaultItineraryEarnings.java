package org.openmiles.accrual.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accounts.api.MemberService;
import org.openmiles.accrual.api.ItineraryEarning;
import org.openmiles.accrual.api.ItineraryEarnings;
import org.openmiles.accrual.api.PlannedSegment;
import org.openmiles.accrual.api.SegmentEarning;
import org.openmiles.accrual.domain.FlightRating;
import org.openmiles.accrual.domain.PartnerEarnRule.RatingException;
import org.openmiles.accrual.domain.PromotionTarget;
import org.openmiles.common.ValidationException;
import org.openmiles.common.time.AirlineZone;
import org.openmiles.tiers.api.MemberTiers;
import org.openmiles.tiers.api.TierBenefits;

/**
 * The what-if of a planned itinerary (issue 20): each segment rated by {@link FlightRater} as a
 * flown coupon would be (the rules in force on its date, the member's tier today, qualifying spend
 * in the tier program's currency), then the promotions that would pay it ({@link
 * PromotionBonuses#preview}); nothing is locked or written.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DefaultItineraryEarnings implements ItineraryEarnings {

  @Inject FlightRules rules;
  @Inject MemberTiers tiers;
  @Inject MemberService members;
  @Inject PromotionBonuses promotions;
  @Inject AirlineZone airline;

  @Override
  public ItineraryEarning quote(MemberNumber member, List<PlannedSegment> segments) {
    check(segments);
    members.get(member);
    TierBenefits tier = tiers.tierOn(member, airline.today());
    FlightRater rater = new FlightRater(rules, tiers.spendCurrency());
    List<FlightRating> ratings = new ArrayList<>();
    List<String[]> refusals = new ArrayList<>();
    List<PromotionTarget> targets = new ArrayList<>();
    List<Integer> targetOf = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      PlannedSegment s = segments.get(i);
      FlightRating r = FlightRating.NONE;
      String[] refusal = null;
      try {
        r =
            rater.rate(
                new FlightRater.Segment(
                    s.carrier(),
                    s.bookingClass(),
                    s.origin(),
                    s.destination(),
                    s.date(),
                    s.baseFare(),
                    s.currency()),
                tier);
      } catch (RatingException e) {
        refusal = new String[] {e.code(), e.getMessage()};
      }
      ratings.add(r);
      refusals.add(refusal);
      if (r.baseMiles() > 0) {
        targetOf.add(i);
        targets.add(
            PromotionTarget.flight(
                "WHATIF:" + i,
                member,
                s.date(),
                s.carrier(),
                s.origin(),
                s.destination(),
                s.bookingClass(),
                r.region(),
                r.baseMiles()));
      }
    }
    Map<Integer, List<String>> codes = new LinkedHashMap<>();
    long[] promo = new long[segments.size()];
    promotions
        .preview(targets)
        .forEach(
            b -> {
              int i = targetOf.get(b.targetIndex());
              promo[i] += b.miles();
              codes.computeIfAbsent(i, k -> new ArrayList<>()).add(b.promotionCode());
            });
    List<SegmentEarning> out = new ArrayList<>();
    long miles = 0;
    long qualifying = 0;
    BigDecimal flights = BigDecimal.ZERO.setScale(2);
    BigDecimal spend = BigDecimal.ZERO.setScale(2);
    for (int i = 0; i < segments.size(); i++) {
      FlightRating r = ratings.get(i);
      String[] refusal = refusals.get(i);
      SegmentEarning e =
          new SegmentEarning(
              segments.get(i),
              r.distanceMiles(),
              r.region(),
              r.baseMiles(),
              r.bonusMiles(),
              promo[i],
              codes.getOrDefault(i, List.of()),
              r.qualifyingMiles(),
              r.qualifyingFlights(),
              r.qualifyingSpend(),
              refusal == null ? null : refusal[0],
              refusal == null ? null : refusal[1]);
      out.add(e);
      miles += e.miles();
      qualifying += r.qualifyingMiles();
      flights = flights.add(r.qualifyingFlights());
      spend = spend.add(r.qualifyingSpend());
    }
    return new ItineraryEarning(
        member.value(),
        tier.code(),
        out,
        miles,
        qualifying,
        flights,
        spend,
        tiers.spendCurrency().orElse(null));
  }

  /** Every broken field of every segment at once, named {@code segments[i].field}. */
  private static void check(List<PlannedSegment> segments) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (segments == null || segments.isEmpty() || segments.size() > MAX_SEGMENTS) {
      throw ValidationException.of("segments", "1 to " + MAX_SEGMENTS + " planned flights");
    }
    for (int i = 0; i < segments.size(); i++) {
      PlannedSegment s = segments.get(i);
      String at = "segments[" + i + "].";
      if (s == null) {
        errors.put("segments[" + i + "]", "a flight: carrier, origin, destination, date, class");
        continue;
      }
      need(errors, at + "carrier", s.carrier(), "[A-Z0-9]{2}", "a two-character carrier code");
      need(errors, at + "origin", s.origin(), "[A-Z]{3}", "a three-letter airport code");
      need(errors, at + "destination", s.destination(), "[A-Z]{3}", "a three-letter airport code");
      need(errors, at + "bookingClass", s.bookingClass(), "[A-Z]", "one booking class letter");
      if (s.date() == null) {
        errors.put(at + "date", "required: the flight's date, such as 2027-03-01");
      }
      if ((s.baseFare() == null) != (s.currency() == null)) {
        errors.put(at + "baseFare", "give the base fare and its currency together, or neither");
      } else if (s.baseFare() != null && s.baseFare().signum() < 0) {
        errors.put(at + "baseFare", "zero or more");
      }
      if (s.currency() != null && !s.currency().matches("[A-Z]{3}")) {
        errors.put(at + "currency", "three capital letters (ISO 4217)");
      }
      if (s.origin() != null && s.origin().equals(s.destination())) {
        errors.put(at + "destination", "another airport than the origin");
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  private static void need(
      Map<String, String> errors, String field, String value, String pattern, String what) {
    if (value == null || !value.matches(pattern)) {
      errors.put(field, "required: " + what + (value == null ? "" : ", not " + value));
    }
  }
}
