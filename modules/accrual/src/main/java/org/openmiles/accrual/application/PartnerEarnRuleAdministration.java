package org.openmiles.accrual.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openmiles.accrual.api.EarnBasis;
import org.openmiles.accrual.domain.PartnerEarnRule;
import org.openmiles.accrual.domain.PartnerEarnRuleVersion;
import org.openmiles.accrual.domain.PartnerRuleVersions;
import org.openmiles.accrual.domain.PartnerRuleVersions.MilePrice;
import org.openmiles.accrual.domain.PartnerRuleVersions.Replay;
import org.openmiles.accrual.domain.PartnerRuleVersions.Written;
import org.openmiles.accrual.domain.PartnerRuleVersions.WrittenPrice;
import org.openmiles.common.ValidationException;
import org.openmiles.program.api.RuleAdministration;
import org.openmiles.program.api.RuleField;
import org.openmiles.program.api.RuleKind;
import org.openmiles.program.api.RuleVersion;
import org.openmiles.program.api.Simulation;
import org.openmiles.program.api.VersionExistsException;

/**
 * Partner earn rules as program managers change them (issue 20, ADR 0045). A rule is a partner and
 * an earn basis, keyed {@code PARTNER:BASIS} ({@code DEMO_HOTEL:STAY_NIGHT}); a version is checked
 * as {@code partner_earn_rule}'s constraints check a row ({@link PartnerEarnRuleVersion}) and added
 * from its date. Partner records are rated by the version in force on their activity date, read
 * afresh for every chunk, so an added version applies from its date on every instance.
 */
@ApplicationScoped
public class PartnerEarnRuleAdministration implements RuleAdministration {
  /** The kind's name in paths and requests. */
  public static final String KIND = "partner-earn-rule";

  private static final RuleKind DESCRIPTION =
      new RuleKind(
          KIND,
          "Partner earn rule",
          "PARTNER:BASIS, such as DEMO_HOTEL:STAY_NIGHT (basis STAY_NIGHT, RENTAL_DAY or SPEND)",
          List.of(
              new RuleField(
                  "miles", "whole number", true, "miles for every perQuantity of the quantity"),
              new RuleField(
                  "perQuantity",
                  "decimal",
                  true,
                  "how much of the quantity earns the miles: nights, days, or money in currency"),
              new RuleField(
                  "currency", "currency", false, "for SPEND only, and required there: ISO 4217"),
              new RuleField(
                  "maxMilesPerRecord", "whole number", false, "the most one record earns")));

  @Inject PartnerRuleVersions store;
  @Inject RulePartners partners;
  @Inject Clock clock;

  @Override
  public RuleKind kind() {
    return DESCRIPTION;
  }

  @Override
  public void validate(String key, Map<String, String> fields, LocalDate effectiveFrom) {
    Key k = key(key);
    rule(k, fields, effectiveFrom);
    if (written(k).stream().anyMatch(w -> w.rule().effectiveFrom().equals(effectiveFrom))) {
      throw new VersionExistsException(KIND, key, effectiveFrom);
    }
  }

  @Override
  public Optional<RuleVersion> inForce(String key, LocalDate on) {
    Key k = key(key);
    return written(k).stream()
        .filter(w -> w.rule().appliesOn(on))
        .max(Comparator.comparing(w -> w.rule().effectiveFrom()))
        .map(w -> version(k, w));
  }

  @Override
  public String apply(
      String key, Map<String, String> fields, LocalDate effectiveFrom, long change) {
    Key k = key(key);
    PartnerEarnRule rule = rule(k, fields, effectiveFrom);
    if (!store.add(k.partner(), rule, change)) {
      throw new VersionExistsException(KIND, key, effectiveFrom);
    }
    return id(k, effectiveFrom);
  }

  @Override
  public Optional<Simulation> simulate(
      String key, Map<String, String> fields, LocalDate from, LocalDate to) {
    long start = System.nanoTime();
    Key k = key(key);
    Replay r = store.replayEarnRule(k.partner(), k.basis(), rule(k, fields, from), from, to);
    Optional<MilePrice> price =
        PartnerReplays.priceOn(store.prices(k.partner()), to).map(WrittenPrice::price);
    return Optional.of(
        PartnerReplays.simulation(r, price, price, from, to, clock, start, List.of()));
  }

  private List<Written> written(Key k) {
    return store.versions(k.partner(), k.basis());
  }

  /** The version {@code fields} describe; the basis is the key's, not a field. */
  private static PartnerEarnRule rule(Key k, Map<String, String> fields, LocalDate from) {
    if (fields.containsKey("basis")) {
      throw ValidationException.of("basis", "named by the key (PARTNER:BASIS), not a field");
    }
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("basis", k.basis().name());
    return PartnerEarnRuleVersion.of(all, from);
  }

  private static RuleVersion version(Key k, Written w) {
    PartnerEarnRule r = w.rule();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("miles", Long.toString(r.miles()));
    fields.put("perQuantity", r.perQuantity().toPlainString());
    if (r.currency() != null) {
      fields.put("currency", r.currency());
    }
    if (r.maxMilesPerRecord() != null) {
      fields.put("maxMilesPerRecord", Long.toString(r.maxMilesPerRecord()));
    }
    return new RuleVersion(
        id(k, r.effectiveFrom()), r.effectiveFrom(), r.effectiveTo(), fields, w.change());
  }

  private static String id(Key k, LocalDate from) {
    return k.partner() + ":" + k.basis() + "@" + from;
  }

  /** A partner that earns (not the host airline) and a basis. */
  private record Key(String partner, EarnBasis basis) {}

  private Key key(String key) {
    String[] parts = key == null ? new String[0] : key.split(":", -1);
    if (parts.length != 2 || parts[0].isBlank()) {
      throw ValidationException.of("key", "PARTNER:BASIS, such as DEMO_HOTEL:STAY_NIGHT");
    }
    EarnBasis basis;
    try {
      basis = EarnBasis.valueOf(parts[1].strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ValidationException.of("key", "the basis is STAY_NIGHT, RENTAL_DAY or SPEND");
    }
    String partner = partners.partner(parts[0].strip(), KIND, key);
    return new Key(partner, basis);
  }
}
