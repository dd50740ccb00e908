package org.openmiles.accrual.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.openmiles.accrual.domain.Promotion;
import org.openmiles.accrual.domain.Promotion.AppliesTo;
import org.openmiles.accrual.domain.Promotion.Kind;
import org.openmiles.program.api.VersionFields;

/**
 * A promotion's terms as a change request's fields name them, both ways (issue 20): read and
 * checked as {@code accrual.promotion}'s constraints check a row, every broken field at once, and
 * written back for the side-by-side view. The window is given by its first and last day (both
 * included), which people read more easily than the table's exclusive end.
 */
final class PromotionTerms {
  private PromotionTerms() {}

  static final Set<String> FIELDS =
      Set.of(
          "name",
          "type",
          "multiplier",
          "bonusMiles",
          "appliesTo",
          "partner",
          "carrier",
          "origin",
          "destination",
          "bothDirections",
          "bookingClasses",
          "region",
          "firstDay",
          "lastDay",
          "maxBonusPerMember",
          "registrationRequired");

  private static final List<String> TYPES = List.of("MULTIPLIER", "FIXED_BONUS");
  private static final List<String> APPLIES_TO = List.of("FLIGHT", "PARTNER", "ANY");
  private static final List<String> REGIONS = List.of("DOMESTIC", "INTERNATIONAL");
  private static final BigDecimal MAX_MULTIPLIER = BigDecimal.TEN;

  /**
   * The version of promotion {@code code} that {@code fields} describe, its terms from {@code
   * versionFrom}; {@code partnerKnown} says whether a partner code names a partner.
   *
   * @throws org.openmiles.common.ValidationException with every broken field
   */
  static Promotion read(
      String code,
      Map<String, String> fields,
      LocalDate versionFrom,
      Predicate<String> partnerKnown) {
    VersionFields f = new VersionFields(fields, FIELDS);
    String name =
        f.matching("name", true, "(?s).{1,100}", false, "a name of at most 100 characters");
    String type = f.choice("type", true, TYPES);
    BigDecimal multiplier = f.decimal("multiplier", false, false, 2, 2);
    Long bonusMiles = f.whole("bonusMiles", false, 1, Integer.MAX_VALUE);
    if ("MULTIPLIER".equals(type)) {
      if (multiplier == null && !f.has("multiplier")) {
        f.refuse("multiplier", "required for a MULTIPLIER: above 1 and at most 10 (2 = double)");
      } else if (multiplier != null
          && (multiplier.compareTo(BigDecimal.ONE) <= 0
              || multiplier.compareTo(MAX_MULTIPLIER) > 0)) {
        f.refuse("multiplier", "above 1 and at most 10 (2 = double miles), not " + multiplier);
      }
      if (f.has("bonusMiles")) {
        f.refuse("bonusMiles", "a MULTIPLIER gives no fixed bonus: leave it out");
      }
    } else if ("FIXED_BONUS".equals(type)) {
      if (bonusMiles == null && !f.has("bonusMiles")) {
        f.refuse("bonusMiles", "required for a FIXED_BONUS: the miles per flight or record");
      }
      if (f.has("multiplier")) {
        f.refuse("multiplier", "a FIXED_BONUS has no multiplier: leave it out");
      }
    }
    String appliesTo = f.choice("appliesTo", true, APPLIES_TO);
    String partner = f.matching("partner", false, "[A-Z0-9_]{2,20}", true, "a partner code");
    if (partner != null && !partnerKnown.test(partner)) {
      f.refuse("partner", "no partner " + partner + " (the host airline is not one)");
    }
    String carrier =
        f.matching("carrier", false, "[A-Z0-9]{2}", true, "a two-character carrier code");
    String origin = f.matching("origin", false, "[A-Z]{3}", true, "a three-letter airport code");
    String destination =
        f.matching("destination", false, "[A-Z]{3}", true, "a three-letter airport code");
    boolean both = f.yesNo("bothDirections", true);
    String classes =
        f.matching(
            "bookingClasses", false, "[A-Z]{1,26}", true, "booking class letters, such as JCD");
    String region = f.choice("region", false, REGIONS);
    if ("FLIGHT".equals(appliesTo) && partner != null) {
      f.refuse("partner", "a FLIGHT promotion names no partner");
    }
    if ("PARTNER".equals(appliesTo)) {
      for (String flightOnly :
          List.of("carrier", "origin", "destination", "bookingClasses", "region")) {
        if (f.has(flightOnly)) {
          f.refuse(
              flightOnly,
              "a PARTNER promotion is for partner records, which have no " + flightOnly);
        }
      }
    }
    LocalDate first = f.date("firstDay", true);
    LocalDate last = f.date("lastDay", false);
    if (first != null && last != null && last.isBefore(first)) {
      f.refuse("lastDay", "on or after the first day (" + first + ")");
    }
    Long cap = f.whole("maxBonusPerMember", false, 1, Integer.MAX_VALUE);
    boolean registration = f.yesNo("registrationRequired", false);
    f.throwIfInvalid();
    return new Promotion(
        0,
        code,
        name.strip(),
        new Promotion.Bonus(
            Kind.valueOf(type),
            Kind.valueOf(type) == Kind.MULTIPLIER ? multiplier : null,
            Kind.valueOf(type) == Kind.FIXED_BONUS ? bonusMiles : null),
        new Promotion.Scope(
            AppliesTo.valueOf(appliesTo),
            partner,
            carrier,
            origin,
            destination,
            both,
            classes,
            region),
        first,
        last == null ? null : last.plusDays(1),
        cap,
        new Promotion.Version(versionFrom, null),
        registration);
  }

  /** The fields of {@code p}, as {@link #read} reads them. */
  static Map<String, String> fields(Promotion p) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("name", p.name());
    f.put("type", p.bonus().kind().name());
    if (p.bonus().multiplier() != null) {
      f.put("multiplier", p.bonus().multiplier().toPlainString());
    }
    if (p.bonus().miles() != null) {
      f.put("bonusMiles", Long.toString(p.bonus().miles()));
    }
    Promotion.Scope s = p.scope();
    f.put("appliesTo", s.appliesTo().name());
    put(f, "partner", s.partnerCode());
    put(f, "carrier", s.carrierCode());
    put(f, "origin", s.originAirport());
    put(f, "destination", s.destinationAirport());
    if (s.originAirport() != null || s.destinationAirport() != null) {
      f.put("bothDirections", Boolean.toString(s.bothDirections()));
    }
    put(f, "bookingClasses", s.bookingClasses());
    put(f, "region", s.region());
    f.put("firstDay", p.effectiveFrom().toString());
    if (p.effectiveTo() != null) {
      f.put("lastDay", p.effectiveTo().minusDays(1).toString());
    }
    if (p.maxBonusPerMember() != null) {
      f.put("maxBonusPerMember", Long.toString(p.maxBonusPerMember()));
    }
    f.put("registrationRequired", Boolean.toString(p.registrationRequired()));
    return f;
  }

  private static void put(Map<String, String> f, String name, String value) {
    if (value != null) {
      f.put(name, value);
    }
  }
}
