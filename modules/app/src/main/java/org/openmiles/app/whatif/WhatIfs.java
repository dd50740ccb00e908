package org.openmiles.app.whatif;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmiles.accounts.api.MemberNumber;
import org.openmiles.accrual.api.ItineraryEarning;
import org.openmiles.accrual.api.ItineraryEarnings;
import org.openmiles.accrual.api.PlannedSegment;
import org.openmiles.accrual.api.SegmentEarning;
import org.openmiles.cashmiles.api.CashMilesPayments;
import org.openmiles.cashmiles.api.ClientId;
import org.openmiles.cashmiles.api.QuoteView;
import org.openmiles.cashmiles.api.RequestQuote;
import org.openmiles.common.Money;
import org.openmiles.common.OpenMilesException;
import org.openmiles.common.ValidationException;
import org.openmiles.tiers.api.TierProgressView;
import org.openmiles.tiers.api.TierService;
import org.openmiles.tiers.api.TierStatusView;

/**
 * The what-if of a planned itinerary (issue 20): the earnings (accrual), the tier outlook (tiers)
 * and the Cash &amp; Miles splits (cash-and-miles), read-only, for the console and booking sites.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WhatIfs {

  /**
   * The trip's fare: base fare (which miles may pay) and taxes, in one currency; 1-9 passengers.
   */
  public record Fare(
      BigDecimal baseFare, BigDecimal taxesAndFees, String currency, Integer passengers) {}

  @Inject ItineraryEarnings earnings;
  @Inject TierService tiers;
  @Inject CashMilesPayments cashMiles;

  /**
   * What {@code segments} (and {@code fare}, if any) would mean for {@code member}, as {@code
   * caller} asks.
   */
  public WhatIf whatIf(
      MemberNumber member, List<PlannedSegment> segments, Fare fare, String caller) {
    Money[] money = checked(fare);
    ItineraryEarning earning = earnings.quote(member, segments);
    TierStatusView status = tiers.status(member);
    WhatIf.Splits splits = null;
    WhatIf.Refusal refused = null;
    if (fare != null) {
      try {
        splits =
            splits(
                cashMiles.splits(
                    new RequestQuote(
                        new ClientId(caller),
                        member,
                        money[0],
                        money[1],
                        fare.passengers() == null ? 1 : fare.passengers(),
                        segments.size())));
      } catch (OpenMilesException e) {
        refused = new WhatIf.Refusal(e.code(), e.getMessage());
      }
    }
    return new WhatIf(member.value(), earning, outlook(status, earning), splits, refused);
  }

  /** The fare as money, every broken field at once; null without a fare. */
  private static Money[] checked(Fare fare) {
    if (fare == null) {
      return null;
    }
    Map<String, String> errors = new LinkedHashMap<>();
    Currency currency = null;
    try {
      currency = fare.currency() == null ? null : Currency.getInstance(fare.currency());
    } catch (IllegalArgumentException e) {
      // reported below
    }
    if (currency == null) {
      errors.put("fare.currency", "required: an ISO 4217 currency such as USD or VND");
    }
    if (fare.baseFare() == null || fare.baseFare().signum() <= 0) {
      errors.put("fare.baseFare", "required: the trip's base fare, above 0");
    }
    if (fare.taxesAndFees() == null || fare.taxesAndFees().signum() < 0) {
      errors.put("fare.taxesAndFees", "required: taxes and fees, 0 or more");
    }
    if (fare.passengers() != null && (fare.passengers() < 1 || fare.passengers() > 9)) {
      errors.put("fare.passengers", "1 to 9");
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new Money[] {
      new Money(fare.baseFare(), currency), new Money(fare.taxesAndFees(), currency)
    };
  }

  private static WhatIf.Splits splits(QuoteView q) {
    return new WhatIf.Splits(
        q.baseFare().currency().getCurrencyCode(),
        q.valuePerMile(),
        q.availableMiles(),
        q.minimumMiles(),
        q.maximumMiles(),
        q.step(),
        q.options().stream()
            .map(
                o ->
                    new WhatIf.Split(
                        o.miles(),
                        o.milesValue().amount(),
                        o.cashForFare().amount(),
                        o.totalCash().amount()))
            .toList());
  }

  /**
   * The tier outlook: the qualifying activity of the segments dated inside the current period
   * against what the next tier still needs (any one threshold met suffices).
   */
  static WhatIf.TierOutlook outlook(TierStatusView s, ItineraryEarning e) {
    long miles = 0;
    BigDecimal flights = BigDecimal.ZERO.setScale(2);
    BigDecimal spend = BigDecimal.ZERO.setScale(2);
    for (SegmentEarning g : e.segments()) {
      var date = g.segment().date();
      boolean inPeriod =
          (s.periodFrom() == null || !date.isBefore(s.periodFrom()))
              && (s.periodTo() == null || !date.isAfter(s.periodTo()));
      if (inPeriod) {
        miles += g.qualifyingMiles();
        flights = flights.add(g.qualifyingFlights());
        spend = spend.add(g.qualifyingSpend());
      }
    }
    TierProgressView next = s.next();
    if (next == null) {
      return new WhatIf.TierOutlook(
          s.tier(),
          s.qualificationPeriod(),
          s.periodTo(),
          null,
          null,
          null,
          null,
          miles,
          flights,
          spend,
          null,
          null,
          null,
          false);
    }
    long milesLeft = Math.max(0, next.milesNeeded() - miles);
    BigDecimal flightsLeft =
        next.flightsNeeded() == null
            ? null
            : next.flightsNeeded().subtract(flights).max(BigDecimal.ZERO);
    BigDecimal spendLeft =
        next.spendNeeded() == null ? null : next.spendNeeded().subtract(spend).max(BigDecimal.ZERO);
    boolean reaches =
        milesLeft == 0
            || (flightsLeft != null && flightsLeft.signum() == 0)
            || (spendLeft != null && spendLeft.signum() == 0);
    return new WhatIf.TierOutlook(
        s.tier(),
        s.qualificationPeriod(),
        s.periodTo(),
        next.tier(),
        next.milesNeeded(),
        next.flightsNeeded(),
        next.spendNeeded(),
        miles,
        flights,
        spend,
        milesLeft,
        flightsLeft,
        spendLeft,
        reaches);
  }
}
