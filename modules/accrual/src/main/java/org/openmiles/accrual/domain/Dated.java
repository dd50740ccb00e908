package org.openmiles.accrual.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One version of an effective-dated rule value: in force from {@code from} (inclusive) to {@code
 * to} (exclusive; null = until further notice).
 */
public record Dated<T>(T value, LocalDate from, LocalDate to) {
  /** The value of the latest version in force on {@code date}, if any. */
  public static <T> Optional<T> inForce(List<Dated<T>> versions, LocalDate date) {
    Dated<T> best = null;
    for (Dated<T> v : versions) {
      boolean applies = !date.isBefore(v.from) && (v.to == null || date.isBefore(v.to));
      if (applies && (best == null || v.from.isAfter(best.from))) {
        best = v;
      }
    }
    return best == null ? Optional.empty() : Optional.of(best.value);
  }
}
