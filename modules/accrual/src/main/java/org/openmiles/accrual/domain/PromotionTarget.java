package org.openmiles.accrual.domain;

import java.time.LocalDate;
import java.util.Objects;
import org.openmiles.accounts.api.MemberNumber;

/**
 * One earning that promotions may add bonus miles to: a flown segment or a partner record, with its
 * base miles and every attribute a promotion's scope can name. It exists so that flights and
 * partner records go through one promotion engine; fields that do not exist for the kind (the
 * carrier of a hotel stay, the partner of a flight) are null, and a promotion scoped on such a
 * field does not match.
 *
 * <p>{@code ledgerReference} is the source reference of the base posting (for example {@code
 * P:DEMO_HOTEL:TX1} or {@code F:7381234567890:1}); bonus postings derive theirs from it. Codes are
 * upper case, as in the rule tables.
 *
 * <p>It keeps eleven flat components on purpose: they are exactly the attributes a promotion's
 * scope names ({@link Promotion} matches each by name), both kinds share the one shape, and the
 * {@link #flight} and {@link #partner} factories are the only ways it is built.
 */
public record PromotionTarget(
    String ledgerReference,
    MemberNumber member,
    LocalDate activityDate,
    String kind,
    String partnerCode,
    String carrier,
    String origin,
    String destination,
    String bookingClass,
    String region,
    long baseMiles) {

  public static final String FLIGHT = "FLIGHT";
  public static final String PARTNER = "PARTNER";

  public PromotionTarget {
    Objects.requireNonNull(ledgerReference, "ledgerReference");
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(activityDate, "activityDate");
    Objects.requireNonNull(kind, "kind");
    if (!kind.equals(FLIGHT) && !kind.equals(PARTNER)) {
      throw new IllegalArgumentException("kind must be FLIGHT or PARTNER, not " + kind);
    }
    if (baseMiles <= 0) {
      throw new IllegalArgumentException("a promotion target earns base miles, not " + baseMiles);
    }
  }

  /** A partner record: only the partner can scope it. */
  public static PromotionTarget partner(
      String ledgerReference,
      MemberNumber member,
      LocalDate activityDate,
      String partnerCode,
      long baseMiles) {
    return new PromotionTarget(
        ledgerReference,
        member,
        activityDate,
        PARTNER,
        Objects.requireNonNull(partnerCode, "partnerCode"),
        null,
        null,
        null,
        null,
        null,
        baseMiles);
  }

  /** A flown segment. */
  public static PromotionTarget flight(
      String ledgerReference,
      MemberNumber member,
      LocalDate activityDate,
      String carrier,
      String origin,
      String destination,
      String bookingClass,
      String region,
      long baseMiles) {
    return new PromotionTarget(
        ledgerReference,
        member,
        activityDate,
        FLIGHT,
        null,
        carrier,
        origin,
        destination,
        bookingClass,
        region,
        baseMiles);
  }
}
