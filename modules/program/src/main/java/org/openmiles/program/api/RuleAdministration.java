package org.openmiles.program.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A kind of program rule as the module that owns it administers it (ADR 0045). The owning module
 * publishes one as a CDI bean; the program module finds every one and never touches a rule table
 * itself. Versions are effective-dated: {@link #apply} adds a version from a date and never changes
 * one already written, so every rating done keeps the version it used.
 */
public interface RuleAdministration {

  /** The kind this administers: its name, what a key names, and the fields of a version. */
  RuleKind kind();

  /**
   * Checks a proposed version of rule {@code key} from {@code effectiveFrom}: nothing is written.
   *
   * @throws org.openmiles.common.ValidationException with every broken field at once
   * @throws org.openmiles.common.OpenMilesException for a key that names no rule of the kind, or a
   *     version already written for that date
   */
  void validate(String key, Map<String, String> fields, LocalDate effectiveFrom);

  /** The version of rule {@code key} in force on {@code on}, if any. */
  Optional<RuleVersion> inForce(String key, LocalDate on);

  /**
   * Writes the version, checked again, in the caller's transaction: from {@code effectiveFrom} on
   * it is the rule, on every instance, with no restart. {@code change} is the approved change
   * request that wrote it, kept with the version.
   *
   * @return the identity of the version written
   */
  String apply(String key, Map<String, String> fields, LocalDate effectiveFrom, long change);

  /**
   * What an approver should know about a proposed version that does not stop it (a promotion that
   * overlaps another for the same activity, say), for people; nothing is written. Called only for a
   * version {@link #validate} accepts.
   */
  default List<String> warnings(String key, Map<String, String> fields, LocalDate effectiveFrom) {
    return List.of();
  }

  /**
   * The version replayed on the activity of {@code from}–{@code to}, read-only and set-based; empty
   * for a kind that cannot be simulated yet.
   */
  default Optional<Simulation> simulate(
      String key, Map<String, String> fields, LocalDate from, LocalDate to) {
    return Optional.empty();
  }
}
