package org.openmiles.accrual.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Miles for a flown segment under the distance model (DESIGN.md §3): base miles = distance × the
 * booking class's earn factor for the carrier and region, rounded half up, at least the region's
 * minimum; the tier bonus is a separate, non-qualifying amount (base × bonus %, half up); the
 * qualifying miles are the base miles and the segment counts {@code segmentFactor} qualifying
 * flights.
 */
public final class FlightEarning {
  private FlightEarning() {}

  public enum Region {
    DOMESTIC,
    INTERNATIONAL
  }

  /** An earn factor row, effective-dated. */
  public record Factor(
      String carrier,
      String bookingClass,
      Region region,
      BigDecimal earnFactor,
      BigDecimal segmentFactor,
      LocalDate effectiveFrom,
      LocalDate effectiveTo) {
    public Factor {
      Objects.requireNonNull(earnFactor);
      Objects.requireNonNull(segmentFactor);
    }

    boolean appliesOn(LocalDate date) {
      return !date.isBefore(effectiveFrom) && (effectiveTo == null || date.isBefore(effectiveTo));
    }
  }

  /** What a segment earns. */
  public record Miles(
      long baseMiles, long tierBonusMiles, long qualifyingMiles, BigDecimal qualifyingSegments) {
    public long total() {
      return baseMiles + tierBonusMiles;
    }
  }

  /** The factor in force for a carrier, class and region on a date, if the class earns there. */
  public static Optional<Factor> factorFor(
      List<Factor> factors, String carrier, String bookingClass, Region region, LocalDate date) {
    Factor best = null; // the latest effective of those that apply (a loop: once per coupon)
    for (Factor f : factors) {
      if (f.carrier().equals(carrier)
          && f.bookingClass().equals(bookingClass)
          && f.region() == region
          && f.appliesOn(date)
          && (best == null || f.effectiveFrom().isAfter(best.effectiveFrom()))) {
        best = f;
      }
    }
    return Optional.ofNullable(best);
  }

  public static Miles rate(
      long distanceMiles, Factor factor, long minimumMiles, int tierBonusPercent) {
    if (distanceMiles <= 0) {
      throw new IllegalArgumentException("distance must be positive");
    }
    if (tierBonusPercent < 0 || tierBonusPercent > 500) {
      throw new IllegalArgumentException("tier bonus must be 0 to 500 %");
    }
    long earned =
        factor
            .earnFactor()
            .multiply(BigDecimal.valueOf(distanceMiles))
            .setScale(0, RoundingMode.HALF_UP)
            .longValueExact();
    long base = Math.max(minimumMiles, earned);
    long bonus =
        BigDecimal.valueOf(base)
            .multiply(BigDecimal.valueOf(tierBonusPercent))
            .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
            .longValueExact();
    return new Miles(base, bonus, base, factor.segmentFactor());
  }

  /**
   * Miles for a segment under the revenue model: {@code fare × tierRate} miles in all, rounded half
   * up; the base tier's share ({@code fare × baseRate}) is qualifying, the rest is tier bonus.
   */
  public static Miles rateRevenue(
      BigDecimal fare, BigDecimal baseRate, BigDecimal tierRate, BigDecimal segmentFactor) {
    if (fare.signum() < 0) {
      throw new IllegalArgumentException("fare must not be negative");
    }
    long total = fare.multiply(tierRate).setScale(0, RoundingMode.HALF_UP).longValueExact();
    long base = fare.multiply(baseRate).setScale(0, RoundingMode.HALF_UP).longValueExact();
    base = Math.min(base, total);
    return new Miles(base, total - base, base, segmentFactor);
  }
}
