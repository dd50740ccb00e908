package org.openmiles.program.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One version of an effective-dated rule as its owning module stores it: its value, the date it
 * applies from (inclusive), the date it ends (exclusive; null: open, as most rows are) and the
 * change request that wrote it (null for a version seeded by a migration).
 *
 * @param <V> the version's value
 */
public record DatedVersion<V>(V value, LocalDate from, LocalDate to, Long change) {

  /**
   * The version in force on {@code date} as the rule tables' readers take it: the latest-starting
   * version not after the date, and none if that one has ended by then ({@code to} is exclusive).
   */
  public static <V> Optional<DatedVersion<V>> inForce(
      List<DatedVersion<V>> versions, LocalDate date) {
    DatedVersion<V> latest = null;
    for (DatedVersion<V> v : versions) {
      if (!v.from().isAfter(date) && (latest == null || v.from().isAfter(latest.from()))) {
        latest = v;
      }
    }
    return Optional.ofNullable(latest).filter(v -> v.to() == null || date.isBefore(v.to()));
  }

  /** The date of the first version that starts after {@code date}, if one is written. */
  public static <V> Optional<LocalDate> next(List<DatedVersion<V>> versions, LocalDate date) {
    return versions.stream()
        .map(DatedVersion::from)
        .filter(d -> d.isAfter(date))
        .min(LocalDate::compareTo);
  }
}
