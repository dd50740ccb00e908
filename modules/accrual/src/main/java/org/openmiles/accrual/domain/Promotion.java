package org.openmiles.accrual.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of {@code accrual.promotion}: bonus miles on top of base miles for the activity in its
 * scope and activity-date window. The table's comments are the specification, and this type
 * implements them in one place so that flights and partner records get the same answer:
 *
 * <ul>
 *   <li>the activity date is in {@code [effectiveFrom, effectiveTo)} ({@code effectiveTo} null =
 *       open-ended);
 *   <li>{@code appliesTo} FLIGHT or PARTNER must equal the target's kind; ANY takes both;
 *   <li>every non-null scope column must match the target; a target without that attribute (a
 *       partner record has no carrier) does not match. Origin and destination match the reverse
 *       direction too when {@code bothDirections}; {@code bookingClasses} is a string of class
 *       letters ({@code "JCD"}).
 * </ul>
 *
 * The bonus of a MULTIPLIER promotion is round half up (base × (multiplier − 1)); of a FIXED_BONUS
 * promotion {@code bonusMiles} per target. {@code maxBonusPerMember} caps what one member gets over
 * the whole promotion: see {@link Promotions}. The row's columns come in two groups: how the bonus
 * is computed ({@link Bonus}) and what activity it is for ({@link Scope}).
 */
public record Promotion(
    long id,
    String code,
    String name,
    Bonus bonus,
    Scope scope,
    LocalDate effectiveFrom,
    LocalDate effectiveTo,
    Long maxBonusPerMember) {

  /** How the bonus is computed. */
  public enum Kind {
    MULTIPLIER,
    FIXED_BONUS
  }

  /** Which activity the promotion is for. */
  public enum AppliesTo {
    FLIGHT,
    PARTNER,
    ANY
  }

  /**
   * How the bonus is computed: base × (multiplier − 1) for a MULTIPLIER, {@code miles} per target
   * for a FIXED_BONUS (the other value null).
   */
  public record Bonus(Kind kind, BigDecimal multiplier, Long miles) {
    public Bonus {
      Objects.requireNonNull(kind, "kind");
    }

    /** Whether the table would accept these values. */
    boolean valid() {
      return switch (kind) {
        case MULTIPLIER ->
            multiplier != null && multiplier.compareTo(BigDecimal.ONE) > 0 && miles == null;
        case FIXED_BONUS -> miles != null && miles > 0 && multiplier == null;
      };
    }

    /** The bonus for {@code baseMiles}, before any cap. */
    long on(long baseMiles) {
      return switch (kind) {
        case MULTIPLIER ->
            BigDecimal.valueOf(baseMiles)
                .multiply(multiplier.subtract(BigDecimal.ONE))
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
        case FIXED_BONUS -> miles;
      };
    }
  }

  /**
   * What activity the promotion is for: its kind, and each non-null column that the target must
   * match (a null one matches everything). Origin and destination match the reverse direction too
   * when {@code bothDirections}; {@code bookingClasses} is a string of class letters ({@code
   * "JCD"}).
   */
  public record Scope(
      AppliesTo appliesTo,
      String partnerCode,
      String carrierCode,
      String originAirport,
      String destinationAirport,
      boolean bothDirections,
      String bookingClasses,
      String region) {
    public Scope {
      Objects.requireNonNull(appliesTo, "appliesTo");
    }

    /** Whether {@code target} is in this scope (its date aside). */
    boolean includes(PromotionTarget target) {
      return kindMatches(target.kind())
          && matches(partnerCode, target.partnerCode())
          && matches(carrierCode, target.carrier())
          && routeMatches(target.origin(), target.destination())
          && classMatches(target.bookingClass())
          && matches(region, target.region());
    }

    private boolean kindMatches(String targetKind) {
      return switch (appliesTo) {
        case FLIGHT -> PromotionTarget.FLIGHT.equals(targetKind);
        case PARTNER -> PromotionTarget.PARTNER.equals(targetKind);
        case ANY -> true;
      };
    }

    private boolean routeMatches(String origin, String destination) {
      if (originAirport == null && destinationAirport == null) {
        return true;
      }
      boolean forward = matches(originAirport, origin) && matches(destinationAirport, destination);
      boolean reverse =
          bothDirections
              && matches(originAirport, destination)
              && matches(destinationAirport, origin);
      return forward || reverse;
    }

    private boolean classMatches(String bookingClass) {
      return bookingClasses == null
          || (bookingClass != null
              && bookingClass.length() == 1
              && bookingClasses.indexOf(bookingClass.charAt(0)) >= 0);
    }

    /** A null scope matches everything; a set scope only an equal value. */
    private static boolean matches(String scope, String value) {
      return scope == null || scope.equals(value);
    }
  }

  public Promotion {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(bonus, "bonus");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    if (bonus.kind() == Kind.MULTIPLIER && !bonus.valid()) {
      throw new IllegalArgumentException(
          "promotion " + code + ": a MULTIPLIER needs a multiplier above 1 and no bonus miles");
    }
    if (bonus.kind() == Kind.FIXED_BONUS && !bonus.valid()) {
      throw new IllegalArgumentException(
          "promotion " + code + ": a FIXED_BONUS needs positive bonus miles and no multiplier");
    }
    if (effectiveTo != null && !effectiveTo.isAfter(effectiveFrom)) {
      throw new IllegalArgumentException(
          "promotion " + code + ": effective_to must be after effective_from");
    }
    if (maxBonusPerMember != null && maxBonusPerMember <= 0) {
      throw new IllegalArgumentException("promotion " + code + ": the cap must be positive");
    }
  }

  /**
   * In force on {@code date}: from {@code effectiveFrom} inclusive to {@code effectiveTo}
   * exclusive.
   */
  public boolean activeOn(LocalDate date) {
    return !date.isBefore(effectiveFrom) && (effectiveTo == null || date.isBefore(effectiveTo));
  }

  /** Whether the promotion adds a bonus to {@code target} (its cap aside). */
  public boolean appliesTo(PromotionTarget target) {
    return activeOn(target.activityDate()) && scope.includes(target);
  }

  /** The bonus for {@code baseMiles}, before any cap. */
  public long bonusFor(long baseMiles) {
    return bonus.on(baseMiles);
  }

  /** Whether a cap limits this promotion. */
  public boolean capped() {
    return maxBonusPerMember != null;
  }
}
