package org.openmiles.tiers.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.openmiles.common.ValidationException;
import org.openmiles.program.api.RuleAdministration;
import org.openmiles.program.api.RuleField;
import org.openmiles.program.api.RuleKind;
import org.openmiles.program.api.RuleVersion;
import org.openmiles.program.api.UnknownRuleException;
import org.openmiles.program.api.VersionExistsException;
import org.openmiles.program.api.VersionFields;
import org.openmiles.tiers.domain.TierDefinition;
import org.openmiles.tiers.domain.TierDefinitionVersions;
import org.openmiles.tiers.domain.TierDefinitionVersions.Written;

/**
 * A tier's thresholds as program managers change them for a coming period (issue 20): keyed by the
 * tier's code; a version is whole, as every kind's is: a periodic tier's miles and flights and its
 * flight bonus (a spend threshold if spend counts for it: left out, spend is no criterion), a
 * lifetime tier's lifetime miles and bonus. Name, rank and kind never change here. A periodic
 * tier's thresholds stay strictly between those of the periodic tiers below and above it in force
 * on the date — a Gold that needs fewer miles than Titanium is refused. The base tier needs nothing
 * and is not changed.
 */
@ApplicationScoped
public class TierThresholdAdministration implements RuleAdministration {
  /** The kind's name in paths and requests. */
  public static final String KIND = "tier-threshold";

  private static final Set<String> PERIODIC =
      Set.of("qmThreshold", "qfThreshold", "qsThreshold", "flightBonusPct");
  private static final Set<String> LIFETIME = Set.of("lifetimeQmThreshold", "flightBonusPct");

  private static final RuleKind DESCRIPTION =
      new RuleKind(
          KIND,
          "Tier thresholds",
          "the tier's code: TITANIUM, GOLD, PLATINUM (periodic) or MILLION_MILER (lifetime)",
          List.of(
              new RuleField(
                  "qmThreshold", "whole number", false, "periodic: qualifying miles in the period"),
              new RuleField(
                  "qfThreshold",
                  "whole number",
                  false,
                  "periodic: qualifying flights in the period"),
              new RuleField(
                  "qsThreshold",
                  "decimal",
                  false,
                  "periodic: qualifying spend in the program's spend currency"),
              new RuleField(
                  "lifetimeQmThreshold",
                  "whole number",
                  false,
                  "lifetime: lifetime qualifying miles"),
              new RuleField(
                  "flightBonusPct", "whole number", false, "bonus on base flight miles, 0-500 %")));

  @Inject TierDefinitionVersions store;
  @Inject TierPrograms programs;

  @Override
  public RuleKind kind() {
    return DESCRIPTION;
  }

  @Override
  public void validate(String key, Map<String, String> fields, LocalDate effectiveFrom) {
    tier(key, fields, effectiveFrom);
    if (store.versions(key).stream().anyMatch(w -> w.from().equals(effectiveFrom))) {
      throw new VersionExistsException(KIND, key, effectiveFrom);
    }
  }

  @Override
  public Optional<RuleVersion> inForce(String key, LocalDate on) {
    return written(key, on).map(TierThresholdAdministration::version);
  }

  @Override
  public String apply(
      String key, Map<String, String> fields, LocalDate effectiveFrom, long change) {
    if (!store.add(tier(key, fields, effectiveFrom), effectiveFrom, change)) {
      throw new VersionExistsException(KIND, key, effectiveFrom);
    }
    return key + "@" + effectiveFrom;
  }

  /** The tier's new version: the one in force on the date with the fields given, checked. */
  private TierDefinition tier(String key, Map<String, String> fields, LocalDate from) {
    TierDefinition now =
        written(key, from)
            .map(Written::tier)
            .orElseThrow(() -> new UnknownRuleException(KIND, key, "no such tier on " + from));
    if (now.rank() == 0) {
      throw ValidationException.of("key", "the base tier needs nothing; its thresholds stay 0");
    }
    VersionFields f = new VersionFields(fields, now.lifetime() ? LIFETIME : PERIODIC);
    Long bonus = f.whole("flightBonusPct", true, 0, 500);
    if (now.lifetime()) {
      Long lifetime = f.whole("lifetimeQmThreshold", true, 1, Long.MAX_VALUE);
      f.throwIfInvalid();
      return new TierDefinition(
          now.code(),
          now.name(),
          now.rank(),
          0,
          BigDecimal.ZERO,
          lifetime,
          true,
          bonus.intValue(),
          null);
    }
    Long qm = f.whole("qmThreshold", true, 0, Long.MAX_VALUE);
    Long qf = f.whole("qfThreshold", true, 0, Integer.MAX_VALUE);
    BigDecimal qs = f.decimal("qsThreshold", false, true, 12, 2);
    f.throwIfInvalid();
    TierDefinition next =
        new TierDefinition(
            now.code(),
            now.name(),
            now.rank(),
            qm,
            BigDecimal.valueOf(qf),
            0,
            false,
            bonus.intValue(),
            qs);
    inOrder(next, from, f);
    f.throwIfInvalid();
    return next;
  }

  /** Each threshold strictly above the periodic tier below's and below the one above's. */
  private void inOrder(TierDefinition t, LocalDate on, VersionFields f) {
    List<TierDefinition> periodic =
        programs.on(on).tiers().stream()
            .filter(o -> !o.lifetime() && !o.code().equals(t.code()))
            .toList();
    Optional<TierDefinition> below =
        periodic.stream()
            .filter(o -> o.rank() < t.rank())
            .max(Comparator.comparingInt(TierDefinition::rank));
    Optional<TierDefinition> above =
        periodic.stream()
            .filter(o -> o.rank() > t.rank())
            .min(Comparator.comparingInt(TierDefinition::rank));
    compare(t, below, above, on, f, "qmThreshold", o -> BigDecimal.valueOf(o.milesThreshold()));
    compare(t, below, above, on, f, "qfThreshold", TierDefinition::flightsThreshold);
    compare(t, below, above, on, f, "qsThreshold", TierDefinition::spendThreshold);
  }

  private static void compare(
      TierDefinition t,
      Optional<TierDefinition> below,
      Optional<TierDefinition> above,
      LocalDate on,
      VersionFields f,
      String field,
      Function<TierDefinition, BigDecimal> value) {
    BigDecimal mine = value.apply(t);
    if (mine == null) {
      return;
    }
    below
        .filter(b -> value.apply(b) != null && mine.compareTo(value.apply(b)) <= 0)
        .ifPresent(b -> f.refuse(field, order("above", b, value.apply(b), on)));
    above
        .filter(a -> value.apply(a) != null && mine.compareTo(value.apply(a)) >= 0)
        .ifPresent(a -> f.refuse(field, order("below", a, value.apply(a), on)));
  }

  private static String order(String where, TierDefinition other, BigDecimal value, LocalDate on) {
    return "must be "
        + where
        + " "
        + other.code()
        + "'s "
        + value.toPlainString()
        + " in force on "
        + on;
  }

  private Optional<Written> written(String key, LocalDate on) {
    return store.versions(key).stream()
        .filter(w -> w.appliesOn(on))
        .max(Comparator.comparing(Written::from));
  }

  private static RuleVersion version(Written w) {
    TierDefinition t = w.tier();
    Map<String, String> fields = new LinkedHashMap<>();
    if (t.lifetime()) {
      fields.put("lifetimeQmThreshold", Long.toString(t.lifetimeMilesThreshold()));
    } else {
      fields.put("qmThreshold", Long.toString(t.milesThreshold()));
      fields.put("qfThreshold", t.flightsThreshold().toPlainString());
      if (t.spendThreshold() != null) {
        fields.put("qsThreshold", t.spendThreshold().toPlainString());
      }
    }
    fields.put("flightBonusPct", Integer.toString(t.flightBonusPercent()));
    return new RuleVersion(t.code() + "@" + w.from(), w.from(), w.to(), fields, w.change());
  }
}
