package org.openmiles.retention.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One version of a retention rule as written (V10): its value, the date it applies from
 * (inclusive), the next version's date (exclusive; null while it is the latest) and the approved
 * change request that wrote it (null: carried over by the migration).
 *
 * @param <T> the rule's value
 */
public record Versioned<T>(T value, LocalDate from, LocalDate to, Long change) {

  /** In force on {@code date}: from {@code from} inclusive to {@code to} exclusive. */
  public boolean appliesOn(LocalDate date) {
    return !date.isBefore(from) && (to == null || date.isBefore(to));
  }

  /** The version in force on {@code date}: the latest-starting of those that apply. */
  public static <T> Optional<Versioned<T>> inForce(List<Versioned<T>> versions, LocalDate date) {
    Versioned<T> best = null;
    for (Versioned<T> v : versions) {
      if (v.appliesOn(date) && (best == null || v.from().isAfter(best.from()))) {
        best = v;
      }
    }
    return Optional.ofNullable(best);
  }

  /** One key's versions in date order, each ending where the next starts. */
  public static <T> List<Versioned<T>> chained(List<Versioned<T>> versions) {
    List<Versioned<T>> sorted =
        versions.stream().sorted(Comparator.comparing(Versioned<T>::from)).toList();
    List<Versioned<T>> out = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      Versioned<T> v = sorted.get(i);
      LocalDate to = i + 1 < sorted.size() ? sorted.get(i + 1).from() : null;
      out.add(new Versioned<>(v.value(), v.from(), to, v.change()));
    }
    return out;
  }
}
