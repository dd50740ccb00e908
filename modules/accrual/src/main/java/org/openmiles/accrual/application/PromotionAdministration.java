package org.openmiles.accrual.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openmiles.accrual.domain.PartnerRuleVersions;
import org.openmiles.accrual.domain.PartnerRuleVersions.MilePrice;
import org.openmiles.accrual.domain.PartnerRuleVersions.WrittenPrice;
import org.openmiles.accrual.domain.Promotion;
import org.openmiles.accrual.domain.PromotionRepository;
import org.openmiles.accrual.domain.PromotionVersions;
import org.openmiles.accrual.domain.PromotionVersions.Written;
import org.openmiles.common.ValidationException;
import org.openmiles.program.api.RuleAdministration;
import org.openmiles.program.api.RuleField;
import org.openmiles.program.api.RuleKind;
import org.openmiles.program.api.RuleVersion;
import org.openmiles.program.api.Simulation;
import org.openmiles.program.api.VersionExistsException;

/**
 * Promotions as program managers run them (issue 20, ADR 0045). The key is the promotion's code: a
 * code without versions is a new promotion, a known one gets new terms from the change's date (a
 * longer window, a lower cap, a new multiplier) while every bonus already paid keeps the terms it
 * used. A proposal is checked as {@code accrual.promotion}'s constraints check a row ({@link
 * PromotionTerms}); one whose window and scope meet another promotion's is flagged (both bonuses
 * would be paid on that activity), not refused, since promotions may stack.
 */
@ApplicationScoped
public class PromotionAdministration implements RuleAdministration {
  /** The kind's name in paths and requests. */
  public static final String KIND = "promotion";

  /** How far an open-ended window is looked at for overlaps. */
  private static final int OPEN_WINDOW_YEARS = 5;

  private static final RuleKind DESCRIPTION =
      new RuleKind(
          KIND,
          "Promotion",
          "the promotion's code, such as SUMMER_HOTEL_2027 (capitals, digits, _): a new code starts"
              + " a promotion, a known one changes its terms from the date",
          List.of(
              new RuleField("name", "text", true, "what members and agents see"),
              new RuleField(
                  "type",
                  "MULTIPLIER or FIXED_BONUS",
                  true,
                  "a multiple of the base miles, or fixed miles per flight or record"),
              new RuleField(
                  "multiplier",
                  "decimal",
                  false,
                  "for MULTIPLIER: above 1, at most 10 (2 = double)"),
              new RuleField(
                  "bonusMiles",
                  "whole number",
                  false,
                  "for FIXED_BONUS: miles per flight or record"),
              new RuleField(
                  "appliesTo", "FLIGHT, PARTNER or ANY", true, "which activity earns the bonus"),
              new RuleField("partner", "partner code", false, "only this partner's records"),
              new RuleField("carrier", "carrier code", false, "only this carrier's flights"),
              new RuleField("origin", "airport code", false, "only flights from this airport"),
              new RuleField("destination", "airport code", false, "only flights to this airport"),
              new RuleField(
                  "bothDirections",
                  "true or false",
                  false,
                  "whether the route counts both ways (default true)"),
              new RuleField(
                  "bookingClasses", "class letters", false, "only these classes, such as JCD"),
              new RuleField(
                  "region", "DOMESTIC or INTERNATIONAL", false, "only flights of this region"),
              new RuleField("firstDay", "date", true, "the first activity date that earns"),
              new RuleField(
                  "lastDay", "date", false, "the last activity date that earns (empty: open)"),
              new RuleField(
                  "maxBonusPerMember",
                  "whole number",
                  false,
                  "the most one member earns over the whole promotion"),
              new RuleField(
                  "registrationRequired",
                  "true or false",
                  false,
                  "pays only members registered on or before the activity date (default false)")));

  @Inject PromotionVersions store;
  @Inject PromotionRepository promotions;
  @Inject PartnerRuleVersions partners;
  @Inject Clock clock;

  @Override
  public RuleKind kind() {
    return DESCRIPTION;
  }

  @Override
  public void validate(String key, Map<String, String> fields, LocalDate effectiveFrom) {
    String code = code(key);
    Promotion p = terms(code, fields, effectiveFrom);
    List<Written> versions = store.versions(code);
    if (versions.stream().anyMatch(w -> w.promotion().version().from().equals(effectiveFrom))) {
      throw new VersionExistsException(KIND, code, effectiveFrom);
    }
    if (versions.isEmpty() && p.effectiveFrom().isBefore(effectiveFrom)) {
      throw ValidationException.of(
          "firstDay",
          "on or after "
              + effectiveFrom
              + ", the date the promotion applies from: nothing before it would earn. Propose it"
              + " from its first day (a past day only as a correction)");
    }
  }

  @Override
  public Optional<RuleVersion> inForce(String key, LocalDate on) {
    String code = code(key);
    return store.versions(code).stream()
        .filter(w -> w.promotion().version().covers(on))
        .findFirst()
        .map(PromotionAdministration::version);
  }

  @Override
  public String apply(
      String key, Map<String, String> fields, LocalDate effectiveFrom, long change) {
    validate(key, fields, effectiveFrom);
    Promotion p = terms(code(key), fields, effectiveFrom);
    if (!store.add(p, change)) {
      throw new VersionExistsException(KIND, p.code(), effectiveFrom);
    }
    return id(p);
  }

  @Override
  public List<String> warnings(String key, Map<String, String> fields, LocalDate effectiveFrom) {
    Promotion p = terms(code(key), fields, effectiveFrom);
    LocalDate start = later(effectiveFrom, p.effectiveFrom());
    LocalDate end = p.effectiveTo();
    if (end != null && !start.isBefore(end)) {
      return List.of(
          "The window ends before "
              + effectiveFrom
              + ", the date these terms apply from: it pays"
              + " nothing.");
    }
    LocalDate last = end != null ? end.minusDays(1) : start.plusYears(OPEN_WINDOW_YEARS);
    // per promotion met, the days it meets this one (its versions' spans joined)
    Map<String, LocalDate[]> spans = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (Promotion o : promotions.overlapping(start, last)) {
      if (o.code().equals(p.code()) || !o.scope().overlaps(p.scope())) {
        continue;
      }
      LocalDate from = later(later(start, o.effectiveFrom()), o.version().from());
      LocalDate to = earlier(earlier(end, o.effectiveTo()), o.version().until());
      if (to == null || from.isBefore(to)) {
        names.putIfAbsent(o.code(), o.name());
        spans.merge(
            o.code(),
            new LocalDate[] {from, to},
            (a, b) ->
                new LocalDate[] {
                  a[0].isBefore(b[0]) ? a[0] : b[0],
                  a[1] == null || b[1] == null ? null : later(a[1], b[1])
                });
      }
    }
    List<String> warnings = new ArrayList<>();
    spans.forEach(
        (code, span) ->
            warnings.add(
                "Overlaps promotion "
                    + code
                    + " ("
                    + names.get(code)
                    + ") from "
                    + span[0]
                    + (span[1] == null ? " on" : " to " + span[1].minusDays(1))
                    + " for the same activity: both bonuses would be paid on it."));
    return warnings;
  }

  /**
   * The proposal replayed on the window's credited partner records and flown coupons (every record
   * it or the promotion's versions in force pay), beside the bonuses awarded under its code. A cap
   * is applied per member in date order within the window (bonuses the member had before the window
   * are not counted against it). The cost is at the partner's price per mile when the promotion is
   * scoped to one partner; for others no one price applies and the cost stays empty.
   */
  @Override
  public Optional<Simulation> simulate(
      String key, Map<String, String> fields, LocalDate from, LocalDate to) {
    long start = System.nanoTime();
    Promotion p = terms(code(key), fields, from);
    PromotionVersions.Replayed r = store.replay(p, from, to);
    Optional<MilePrice> price =
        Optional.ofNullable(p.scope().partnerCode())
            .flatMap(partner -> PartnerReplays.priceOn(partners.prices(partner), to))
            .map(WrittenPrice::price);
    List<Simulation.Group> sources =
        r.bySource().stream()
            .map(
                s ->
                    new Simulation.Group(
                        "source", s.month(), s.records(), s.milesBefore(), s.milesAfter()))
            .toList();
    return Optional.of(
        PartnerReplays.simulation(r.totals(), price, price, from, to, clock, start, sources));
  }

  private Promotion terms(String code, Map<String, String> fields, LocalDate versionFrom) {
    return PromotionTerms.read(
        code,
        fields,
        versionFrom,
        partner -> partners.partnerKind(partner).filter(k -> !"HOST".equals(k)).isPresent());
  }

  private static RuleVersion version(Written w) {
    Promotion p = w.promotion();
    return new RuleVersion(
        id(p), p.version().from(), p.version().until(), PromotionTerms.fields(p), w.change());
  }

  private static String id(Promotion p) {
    return p.code() + "@" + p.version().from();
  }

  private static String code(String key) {
    String code = key == null ? "" : key.strip();
    if (!code.matches("[A-Z0-9_]{2,30}")) {
      throw ValidationException.of(
          "key", "the promotion's code: 2 to 30 capitals, digits or _, such as SUMMER_HOTEL_2027");
    }
    return code;
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  /** The earlier of two exclusive ends, null meaning open. */
  private static LocalDate earlier(LocalDate a, LocalDate b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }
}
