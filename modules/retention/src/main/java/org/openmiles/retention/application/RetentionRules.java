package org.openmiles.retention.application;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openmiles.common.ValidationException;
import org.openmiles.program.api.RuleAdministration;
import org.openmiles.program.api.RuleKind;
import org.openmiles.program.api.RuleVersion;
import org.openmiles.program.api.VersionExistsException;
import org.openmiles.program.api.VersionFields;
import org.openmiles.retention.domain.Versioned;

/**
 * What retention's rule kinds share (issue 20, ADR 0045): a catalogue code as the key, a version
 * checked whole, refused for a date that already has one, added from its date naming the change
 * that wrote it, identified as {@code CODE@date}. The engagement service and the campaign runs read
 * the version in force on the day afresh for every action and run, so an added version applies from
 * its date on every instance with no restart.
 *
 * @param <T> a version's value
 */
abstract class RetentionRules<T> implements RuleAdministration {
  private final RuleKind kind;

  RetentionRules(RuleKind kind) {
    this.kind = kind;
  }

  @Override
  public RuleKind kind() {
    return kind;
  }

  /** The code {@code key} names, known to the kind (refused otherwise). */
  abstract String code(String key);

  /** Every version of the code, oldest first, each ending where the next starts. */
  abstract List<Versioned<T>> versions(String code);

  /** The version {@code fields} describe from {@code from}, checked whole (every broken field). */
  abstract T version(String code, Map<String, String> fields, LocalDate from);

  /** Adds a version; false if its date is taken. */
  abstract boolean add(String code, T version, LocalDate from, long change);

  /** A version's fields as a change request names them. */
  abstract Map<String, String> fields(T version);

  @Override
  public void validate(String key, Map<String, String> fields, LocalDate effectiveFrom) {
    String code = code(key);
    version(code, fields, effectiveFrom);
    if (versions(code).stream().anyMatch(v -> v.from().equals(effectiveFrom))) {
      throw new VersionExistsException(kind.name(), code, effectiveFrom);
    }
  }

  @Override
  public Optional<RuleVersion> inForce(String key, LocalDate on) {
    String code = code(key);
    return Versioned.inForce(versions(code), on)
        .map(
            v ->
                new RuleVersion(
                    id(code, v.from()), v.from(), v.to(), fields(v.value()), v.change()));
  }

  @Override
  public String apply(
      String key, Map<String, String> fields, LocalDate effectiveFrom, long change) {
    String code = code(key);
    if (!add(code, version(code, fields, effectiveFrom), effectiveFrom, change)) {
      throw new VersionExistsException(kind.name(), code, effectiveFrom);
    }
    return id(code, effectiveFrom);
  }

  /** A key that is a catalogue code: capital letters, digits and _, starting with a letter. */
  static String code(String key, int maxLength) {
    String k = key == null ? "" : key.strip().toUpperCase(Locale.ROOT);
    if (!k.matches("[A-Z][A-Z0-9_]{0," + (maxLength - 1) + "}")) {
      throw ValidationException.of(
          "key",
          "a code of 1 to "
              + maxLength
              + " capital letters, digits and _, starting with a letter, not "
              + key);
    }
    return k;
  }

  /** Text of 1 to {@code max} characters; null if absent (an error if required). */
  static String text(VersionFields f, String field, boolean required, int max) {
    return f.matching(
        field, required, "(?s).{1," + max + "}", false, "text of 1 to " + max + " characters");
  }

  /** A whole number that fits an {@code integer} column, as an Integer; null if absent. */
  static Integer integer(VersionFields f, String field, boolean required, long min) {
    Long n = f.whole(field, required, min, Integer.MAX_VALUE);
    return n == null ? null : n.intValue();
  }

  /** A version's identity: the code and the date, {@code APP_CHECK_IN@2027-01-01}. */
  static String id(String code, LocalDate from) {
    return code + "@" + from;
  }

  /** Fields in order, those with no value left out. */
  static Map<String, String> named(Object... nameValue) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      if (nameValue[i + 1] != null) {
        out.put((String) nameValue[i], String.valueOf(nameValue[i + 1]));
      }
    }
    return out;
  }
}
