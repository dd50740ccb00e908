package org.openmiles.accrual.application;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.openmiles.accrual.domain.FlightRuleVersions;
import org.openmiles.accrual.domain.FlightRuleVersions.Replay;
import org.openmiles.accrual.domain.FlightRuleVersions.Written;
import org.openmiles.program.api.RuleAdministration;
import org.openmiles.program.api.RuleKind;
import org.openmiles.program.api.RuleVersion;
import org.openmiles.program.api.Simulation;
import org.openmiles.program.api.UnknownRuleException;
import org.openmiles.program.api.VersionExistsException;

/**
 * What the flight earn rule kinds share (issue 20, ADR 0045): a key parsed and its carrier known
 * (one with no flight earn rule at all is refused as {@code UNKNOWN_RULE}, as the partner kinds
 * refuse an unknown partner; a new class or region of a known carrier is allowed — that is how a
 * class starts earning), a version checked whole, refused for a date that already has one, and
 * added from its date naming the change that wrote it. Flown coupons are rated by a rater that
 * reads the rules afresh for every chunk ({@link FlightRater}), so an added version applies from
 * its date on every instance with no restart.
 *
 * <p>Simulation (the kinds that have one): the carrier's CREDITED flown coupons of the window,
 * their base miles recomputed set-based in one read-only statement under the rules in force on each
 * flight date ({@code milesBefore}, checked coupon by coupon against the base miles credited:
 * {@code replayed}) and under the proposal as if in force throughout ({@code milesAfter}), by month
 * and by booking class. Base miles only: the tier bonus and promotions, computed on base miles
 * afterwards, are not replayed. No cost: the program's mile value is the Cash &amp; Miles module's
 * ({@code cashmiles.mile_value}), which publishes no API accrual could read it through, so the
 * costs and the currency are null.
 *
 * @param <K> the rule's key
 * @param <V> a version's value
 */
abstract class FlightRuleAdministration<K, V> implements RuleAdministration {
  @Inject FlightRuleVersions store;
  @Inject Clock clock;

  /**
   * How a kind reads its rules: the key parsed (a {@link org.openmiles.common.ValidationException}
   * on {@code key}) and the carrier it names, a version's fields read and checked whole, the
   * versions written and how one is added, and a version's fields as a change request names them.
   */
  record Rules<K, V>(
      Function<String, K> parse,
      Function<K, String> carrier,
      Function<Map<String, String>, V> read,
      BiFunction<FlightRuleVersions, K, List<Written<V>>> written,
      Adder<K, V> add,
      Function<V, Map<String, String>> fields,
      Replayer<K, V> replay) {}

  /** Adds a version; false if its date is taken. */
  interface Adder<K, V> {
    boolean add(FlightRuleVersions store, K key, LocalDate from, V version, long change);
  }

  /** Replays a version on the flown coupons of a window; null for a kind not simulated. */
  interface Replayer<K, V> {
    Replay replay(FlightRuleVersions store, K key, V version, LocalDate from, LocalDate to);
  }

  private final RuleKind kind;
  private final Rules<K, V> rules;

  FlightRuleAdministration(RuleKind kind, Rules<K, V> rules) {
    this.kind = kind;
    this.rules = rules;
  }

  @Override
  public RuleKind kind() {
    return kind;
  }

  /**
   * The version {@code fields} describe for rule {@code key} from {@code from}, checked whole; a
   * kind with checks against other rules adds them here.
   */
  V version(K key, Map<String, String> fields, LocalDate from) {
    return rules.read().apply(fields);
  }

  @Override
  public void validate(String key, Map<String, String> fields, LocalDate effectiveFrom) {
    K k = key(key);
    version(k, fields, effectiveFrom);
    if (rules.written().apply(store, k).stream().anyMatch(w -> w.from().equals(effectiveFrom))) {
      throw new VersionExistsException(kind().name(), key, effectiveFrom);
    }
  }

  @Override
  public Optional<RuleVersion> inForce(String key, LocalDate on) {
    K k = key(key);
    return Written.inForce(rules.written().apply(store, k), on)
        .map(
            w ->
                new RuleVersion(
                    id(k, w.from()),
                    w.from(),
                    w.to(),
                    rules.fields().apply(w.value()),
                    w.change()));
  }

  @Override
  public Optional<Simulation> simulate(
      String key, Map<String, String> fields, LocalDate from, LocalDate to) {
    if (rules.replay() == null) {
      return Optional.empty();
    }
    long start = System.nanoTime();
    K k = key(key);
    Replay r = rules.replay().replay(store, k, version(k, fields, from), from, to);
    return Optional.of(simulation(r, from, to, start));
  }

  @Override
  public String apply(
      String key, Map<String, String> fields, LocalDate effectiveFrom, long change) {
    K k = key(key);
    if (!rules.add().add(store, k, effectiveFrom, version(k, fields, effectiveFrom), change)) {
      throw new VersionExistsException(kind().name(), key, effectiveFrom);
    }
    return id(k, effectiveFrom);
  }

  /** The key parsed, its carrier known. */
  K key(String key) {
    K k = rules.parse().apply(key);
    String carrier = rules.carrier().apply(k);
    if (!store.carrierHasRules(carrier)) {
      throw new UnknownRuleException(
          kind().name(), key, "carrier " + carrier + " has no flight earn rules");
    }
    return k;
  }

  /**
   * A version's identity: the key in its canonical form and the date, {@code VN:Y:DOMESTIC@...}.
   */
  static String id(Object key, LocalDate from) {
    return key + "@" + from;
  }

  /**
   * The simulation of replay {@code r} over {@code from}–{@code to}. Base miles only: the tier
   * bonus and promotions, computed on base miles afterwards, are not replayed. No cost: the
   * program's mile value is the Cash &amp; Miles module's ({@code cashmiles.mile_value}), which
   * publishes no API accrual could read it through, so the costs and currency are null.
   */
  private Simulation simulation(Replay r, LocalDate from, LocalDate to, long startNanos) {
    return Simulation.withoutCost(
        from,
        to,
        r.records(),
        r.replayed(),
        r.members(),
        r.membersAffected(),
        r.milesBefore(),
        r.milesAfter(),
        r.groups(),
        clock,
        startNanos);
  }
}
