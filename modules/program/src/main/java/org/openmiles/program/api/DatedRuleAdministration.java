package org.openmiles.program.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link RuleAdministration} for a rule kept as {@link DatedVersion}s per key, which is what most
 * rule tables are: the owning module says how a key is read, how a version's fields are read and
 * checked whole, where the versions are and how one is added; this class checks a proposal (its
 * key, its fields, a date not yet taken), tells the version in force and adds a version from its
 * date, refused as {@link VersionExistsException} for a date taken (at approval too, where the
 * owner's insert reports a race it lost by returning false).
 *
 * @param <K> the rule's key, read
 * @param <V> a version's value
 */
public abstract class DatedRuleAdministration<K, V> implements RuleAdministration {
  /** The key of a rule the whole program has one of (a table keyed by its date only). */
  public static final String PROGRAM = "PROGRAM";

  /**
   * The key read: its canonical form ({@code toString} names it in a version's identity), or a
   * {@link org.openmiles.common.ValidationException} on {@code key}, or an {@link
   * UnknownRuleException}.
   */
  protected abstract K key(String key);

  /** A version's fields read and checked whole: every broken field in one refusal. */
  protected abstract V read(K key, Map<String, String> fields, LocalDate effectiveFrom);

  /** Every version of the rule, oldest first. */
  protected abstract List<DatedVersion<V>> versions(K key);

  /** Adds a version from {@code from}; false if one from that date is there already. */
  protected abstract boolean add(K key, LocalDate from, V value, long change);

  /** A version's fields as a change request names them. */
  protected abstract Map<String, String> fields(V value);

  @Override
  public void validate(String key, Map<String, String> fields, LocalDate effectiveFrom) {
    K k = key(key);
    read(k, fields, effectiveFrom);
    if (versions(k).stream().anyMatch(w -> w.from().equals(effectiveFrom))) {
      throw new VersionExistsException(kind().name(), k.toString(), effectiveFrom);
    }
  }

  /**
   * The version in force on {@code on}; it applies to its own end or, for an open one, to the date
   * of the next version written.
   */
  @Override
  public Optional<RuleVersion> inForce(String key, LocalDate on) {
    K k = key(key);
    List<DatedVersion<V>> all = versions(k);
    return DatedVersion.inForce(all, on)
        .map(
            w ->
                new RuleVersion(
                    id(k, w.from()),
                    w.from(),
                    w.to() != null ? w.to() : DatedVersion.next(all, w.from()).orElse(null),
                    fields(w.value()),
                    w.change()));
  }

  @Override
  public String apply(
      String key, Map<String, String> fields, LocalDate effectiveFrom, long change) {
    K k = key(key);
    if (!add(k, effectiveFrom, read(k, fields, effectiveFrom), change)) {
      throw new VersionExistsException(kind().name(), k.toString(), effectiveFrom);
    }
    return id(k, effectiveFrom);
  }

  /**
   * The key of a rule the whole program has one of ({@code rule} names it for people): {@link
   * #PROGRAM} in any case, else a refusal on {@code key}.
   */
  protected static String programWide(String key, String rule) {
    if (key == null || !key.strip().toUpperCase(java.util.Locale.ROOT).equals(PROGRAM)) {
      throw org.openmiles.common.ValidationException.of(
          "key",
          PROGRAM
              + ": "
              + rule
              + " is one for the whole program, not "
              + (key == null ? "nothing" : key));
    }
    return PROGRAM;
  }

  /** A version's identity: the key's canonical form and the date, {@code VND@2027-03-01}. */
  protected String id(K key, LocalDate from) {
    return key + "@" + from;
  }

  /**
   * The value in force the day before {@code effectiveFrom}, which a proposal replaces, if any:
   * what warnings compare a proposal with.
   */
  protected Optional<V> replaced(K key, LocalDate effectiveFrom) {
    return DatedVersion.inForce(versions(key), effectiveFrom.minusDays(1)).map(DatedVersion::value);
  }

  /**
   * A warning when a version after {@code effectiveFrom} is written already: the proposal would
   * apply only until then.
   */
  protected Optional<String> followed(K key, LocalDate effectiveFrom) {
    return DatedVersion.next(versions(key), effectiveFrom)
        .map(d -> "a version from " + d + " is already written: this one applies only until then");
  }
}
