package org.openmiles.accrual.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One version of a promotion, a row of {@code accrual.promotion}: bonus miles on top of base miles
 * for the activity in its scope and activity-date window. The table's comments are the
 * specification, and this type implements them in one place so that flights and partner records get
 * the same answer:
 *
 * <ul>
 *   <li>the version is the promotion's terms on the activity date ({@link Version}: from its date
 *       until the next version's, accrual V19), and the activity date is in its window {@code
 *       [effectiveFrom, effectiveTo)} ({@code effectiveTo} null = open-ended);
 *   <li>a promotion that asks for registration pays only members registered for it on or before the
 *       activity date (the engine, {@link Promotions}, knows who registered);
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
    Long maxBonusPerMember,
    Version version,
    boolean registrationRequired) {

  /**
   * Which activity dates these terms are the promotion's: from {@code from} (the version's date)
   * until {@code until} (the next version's date, exclusive; null while it is the latest).
   */
  public record Version(LocalDate from, LocalDate until) {
    public Version {
      Objects.requireNonNull(from, "from");
      if (until != null && !until.isAfter(from)) {
        throw new IllegalArgumentException("a version ends after it starts");
      }
    }

    /** Whether {@code date} is in {@code [from, until)}. */
    public boolean covers(LocalDate date) {
      return !date.isBefore(from) && (until == null || date.isBefore(until));
    }

    /** Whether the two versions have a date in common. */
    boolean overlaps(Version other) {
      return (until == null || other.from.isBefore(until))
          && (other.until == null || from.isBefore(other.until));
    }
  }

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

    /**
     * Whether some activity could be in both scopes (ADR 0045: "a promotion that overlaps another
     * for the same target is flagged"): a kind of activity both take, and for every attribute
     * either scope names, a value both accept.
     */
    public boolean overlaps(Scope other) {
      java.util.Set<String> kinds = new java.util.HashSet<>(kinds());
      kinds.retainAll(other.kinds());
      return !kinds.isEmpty()
          && compatible(partnerCode, other.partnerCode)
          && compatible(carrierCode, other.carrierCode)
          && compatible(region, other.region)
          && classesMeet(bookingClasses, other.bookingClasses)
          && routesMeet(other);
    }

    /** The kinds of activity this scope can match: its appliesTo, narrowed by what it names. */
    private java.util.Set<String> kinds() {
      java.util.Set<String> kinds = new java.util.HashSet<>();
      if (appliesTo != AppliesTo.PARTNER && partnerCode == null) {
        kinds.add(PromotionTarget.FLIGHT);
      }
      boolean flightOnly =
          carrierCode != null
              || originAirport != null
              || destinationAirport != null
              || bookingClasses != null
              || region != null;
      if (appliesTo != AppliesTo.FLIGHT && !flightOnly) {
        kinds.add(PromotionTarget.PARTNER);
      }
      return kinds;
    }

    /** The (origin, destination) pairs this scope accepts, null meaning any airport. */
    private java.util.List<String[]> directions() {
      java.util.List<String[]> d = new java.util.ArrayList<>();
      d.add(new String[] {originAirport, destinationAirport});
      if (bothDirections) {
        d.add(new String[] {destinationAirport, originAirport});
      }
      return d;
    }

    private boolean routesMeet(Scope other) {
      for (String[] mine : directions()) {
        for (String[] theirs : other.directions()) {
          if (compatible(mine[0], theirs[0]) && compatible(mine[1], theirs[1])) {
            return true;
          }
        }
      }
      return false;
    }

    private static boolean classesMeet(String mine, String theirs) {
      return mine == null || theirs == null || mine.chars().anyMatch(c -> theirs.indexOf(c) >= 0);
    }

    /** Two scope values some one value satisfies: equal, or either open. */
    private static boolean compatible(String a, String b) {
      return a == null || b == null || a.equals(b);
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
    Objects.requireNonNull(version, "version");
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
   * In force on {@code date}: these are the promotion's terms on that date, and the date is in the
   * window, from {@code effectiveFrom} inclusive to {@code effectiveTo} exclusive.
   */
  public boolean activeOn(LocalDate date) {
    return version.covers(date)
        && !date.isBefore(effectiveFrom)
        && (effectiveTo == null || date.isBefore(effectiveTo));
  }

  /** Whether the window has a date in common with {@code [from, to)} ({@code to} null: open). */
  public boolean windowOverlaps(LocalDate from, LocalDate to) {
    return (effectiveTo == null || from.isBefore(effectiveTo))
        && (to == null || effectiveFrom.isBefore(to));
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
