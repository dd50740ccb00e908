package org.openmiles.cashmiles.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.openmiles.common.Money;

/**
 * The arithmetic of a Cash &amp; Miles quote. Miles pay only the base fare, never taxes and fees.
 * The miles a booking may use run from the minimum (per passenger and segment) up to the largest
 * multiple of the step whose value stays within the allowed share of the base fare; each choice
 * leaves a cash part = base fare − value of the miles (to the currency's minor unit) + taxes and
 * fees.
 */
public final class QuoteCalculator {
  private QuoteCalculator() {}

  /** What is being paid: base fare, taxes and fees (same currency), passengers and segments. */
  public record Fare(Money baseFare, Money taxesAndFees, int passengers, int segments) {
    public Fare {
      Objects.requireNonNull(baseFare, "baseFare");
      Objects.requireNonNull(taxesAndFees, "taxesAndFees");
      if (!baseFare.currency().equals(taxesAndFees.currency())) {
        throw new IllegalArgumentException("base fare and taxes must be in one currency");
      }
      if (baseFare.amount().signum() <= 0 || taxesAndFees.isNegative()) {
        throw new IllegalArgumentException("the base fare must be positive, taxes not negative");
      }
      if (passengers < 1 || passengers > 9 || segments < 1 || segments > 16) {
        throw new IllegalArgumentException("1-9 passengers and 1-16 segments");
      }
    }
  }

  /** One way to pay: these miles, and the cash still due. */
  public record Split(long miles, Money milesValue, Money cashForFare, Money totalCash) {}

  /** The range of miles allowed for a fare; {@code minimum > maximum} means none is. */
  public record Range(long minimum, long maximum, long step) {
    public boolean isEmpty() {
      return minimum > maximum;
    }

    public boolean allows(long miles) {
      return !isEmpty() && miles >= minimum && miles <= maximum && miles % step == 0;
    }

    /** The same range, capped at what a member has available (rounded down to the step). */
    public Range cappedAt(long available) {
      return new Range(
          minimum, Math.min(maximum, available - Math.floorMod(available, step)), step);
    }
  }

  public static Range range(Fare fare, CashMilesRule rule, BigDecimal valuePerMile) {
    if (valuePerMile.signum() <= 0) {
      throw new IllegalArgumentException("a mile must be worth something");
    }
    long min =
        Math.multiplyExact(
            (long) rule.minMilesPerSegment(), (long) fare.passengers() * fare.segments());
    BigDecimal share =
        fare.baseFare()
            .amount()
            .multiply(rule.maxFareSharePct())
            .divide(BigDecimal.valueOf(100), 10, RoundingMode.DOWN);
    long most = share.divide(valuePerMile, 0, RoundingMode.DOWN).longValueExact();
    long max = most - Math.floorMod(most, (long) rule.milesStep());
    return new Range(min, max, rule.milesStep());
  }

  /** The cash side of paying {@code miles} (which the caller has checked against the range). */
  public static Split split(Fare fare, long miles, BigDecimal valuePerMile) {
    var currency = fare.baseFare().currency();
    int digits = Math.max(currency.getDefaultFractionDigits(), 0);
    Money value =
        new Money(
            valuePerMile.multiply(BigDecimal.valueOf(miles)).setScale(digits, RoundingMode.DOWN),
            currency);
    Money cash = fare.baseFare().minus(value);
    if (cash.isNegative()) {
      throw new IllegalArgumentException("miles worth more than the base fare");
    }
    return new Split(miles, value, cash, cash.plus(fare.taxesAndFees()));
  }

  /**
   * A few representative splits for a quote: the minimum, the maximum and up to {@code between}
   * evenly spaced steps in between (a booking engine may choose any step of the range).
   */
  public static List<Split> examples(Fare fare, Range range, BigDecimal valuePerMile, int between) {
    List<Split> out = new ArrayList<>();
    if (range.isEmpty()) {
      return out;
    }
    long steps = (range.maximum() - range.minimum()) / range.step();
    long last = -1;
    for (int k = 0; k <= between + 1; k++) {
      long miles = range.minimum() + steps * k / (between + 1) * range.step();
      if (miles != last) {
        out.add(split(fare, miles, valuePerMile));
        last = miles;
      }
    }
    return out;
  }
}
