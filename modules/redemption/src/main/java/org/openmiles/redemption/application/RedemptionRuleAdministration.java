package org.openmiles.redemption.application;

import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openmiles.program.api.RuleAdministration;
import org.openmiles.program.api.RuleKind;
import org.openmiles.program.api.RuleVersion;
import org.openmiles.program.api.UnknownRuleException;
import org.openmiles.program.api.VersionExistsException;
import org.openmiles.redemption.domain.RedemptionRuleVersions;
import org.openmiles.redemption.domain.RedemptionRuleVersions.Written;

/**
 * What the redemption rule kinds share (issue 20, ADR 0045): a key parsed (a route group it names
 * must exist: {@code UNKNOWN_RULE} otherwise), a version checked whole, refused for a date that
 * already has one, and added from its date naming the change that wrote it. Awards are priced by
 * reading the chart afresh for every request ({@code RedemptionProgram.chartOn}, nothing cached),
 * so an added version applies from its date on every instance with no restart.
 *
 * @param <K> the rule's key
 * @param <V> a version's value
 */
abstract class RedemptionRuleAdministration<K, V> implements RuleAdministration {
  @Inject RedemptionRuleVersions store;

  private final RuleKind kind;

  RedemptionRuleAdministration(RuleKind kind) {
    this.kind = kind;
  }

  @Override
  public RuleKind kind() {
    return kind;
  }

  /** The key parsed ({@link org.openmiles.common.ValidationException} on {@code key}), known. */
  abstract K key(String key);

  /** The version {@code fields} describe for rule {@code key} from {@code from}, checked whole. */
  abstract V version(K key, Map<String, String> fields, LocalDate from);

  /** Every version of the rule written. */
  abstract List<Written<V>> written(K key);

  /** Adds a version; false if its date is taken. */
  abstract boolean add(K key, LocalDate from, V version, long change);

  /** A version's fields as a change request names them. */
  abstract Map<String, String> fields(V version);

  @Override
  public void validate(String key, Map<String, String> fields, LocalDate effectiveFrom) {
    K k = key(key);
    version(k, fields, effectiveFrom);
    if (written(k).stream().anyMatch(w -> w.from().equals(effectiveFrom))) {
      throw new VersionExistsException(kind.name(), k.toString(), effectiveFrom);
    }
  }

  @Override
  public Optional<RuleVersion> inForce(String key, LocalDate on) {
    K k = key(key);
    return Written.inForce(written(k), on)
        .map(
            w -> new RuleVersion(id(k, w.from()), w.from(), w.to(), fields(w.value()), w.change()));
  }

  @Override
  public String apply(
      String key, Map<String, String> fields, LocalDate effectiveFrom, long change) {
    K k = key(key);
    if (!add(k, effectiveFrom, version(k, fields, effectiveFrom), change)) {
      throw new VersionExistsException(kind.name(), k.toString(), effectiveFrom);
    }
    return id(k, effectiveFrom);
  }

  /** A version's identity: the key in its canonical form and the date, {@code VN_JP@2027-03-01}. */
  static String id(Object key, LocalDate from) {
    return key + "@" + from;
  }

  /** {@code group} if the chart has that route group, else {@code UNKNOWN_RULE}. */
  String knownRouteGroup(String key, String group) {
    if (!store.routeGroups().contains(group)) {
      throw new UnknownRuleException(
          kind.name(),
          key,
          "no route group "
              + group
              + " ("
              + String.join(", ", store.routeGroups())
              + "); route groups change through the zones of countries");
    }
    return group;
  }
}
