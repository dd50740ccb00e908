package org.openmiles.program.api;

import java.time.LocalDate;
import java.util.Map;

/**
 * One version of a rule as written: its identity in the owning module, the dates it applies from
 * (inclusive) and to (exclusive; null while open), its fields as a change request names them, and
 * the change request that wrote it (null for a version seeded by a migration).
 */
public record RuleVersion(
    String version,
    LocalDate effectiveFrom,
    LocalDate effectiveTo,
    Map<String, String> fields,
    Long change) {
  public RuleVersion {
    fields = Map.copyOf(fields);
  }
}
