package org.openmiles.program.api;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a proposed version would have done to real activity (issue 20): the activity of the window
 * {@code from}–{@code to} (both included) rated set-based, read-only, under the rules in force on
 * each activity's date ({@code milesBefore}) and under the proposed version as if it had been in
 * force throughout ({@code milesAfter}); the members with activity and those whose miles change;
 * the cost at the partner's price per mile (or the program's mile value) in {@code currency}; the
 * change by month ({@code groups}). {@code replayed} of the {@code records} were rated by the
 * replay exactly as the real path credited them ({@code replayed == records}: the replay of the
 * current rules reproduces the ledger).
 */
public record Simulation(
    LocalDate from,
    LocalDate to,
    long records,
    long replayed,
    long members,
    long membersAffected,
    long milesBefore,
    long milesAfter,
    BigDecimal costBefore,
    BigDecimal costAfter,
    String currency,
    List<Group> groups,
    Instant at,
    long millis) {
  public Simulation {
    groups = groups == null ? List.of() : List.copyOf(groups);
  }

  /** One line of a breakdown: its dimension ({@code month}), value, records and miles. */
  public record Group(
      String dimension, String value, long records, long milesBefore, long milesAfter) {}

  /**
   * A simulation without a cost (no price per mile applies), timed from {@code startNanos} ({@link
   * System#nanoTime}) to now and stamped with {@code clock}'s instant.
   */
  public static Simulation withoutCost(
      LocalDate from,
      LocalDate to,
      long records,
      long replayed,
      long members,
      long membersAffected,
      long milesBefore,
      long milesAfter,
      List<Group> groups,
      Clock clock,
      long startNanos) {
    return new Simulation(
        from,
        to,
        records,
        replayed,
        members,
        membersAffected,
        milesBefore,
        milesAfter,
        null,
        null,
        null,
        groups,
        clock.instant(),
        (System.nanoTime() - startNanos) / 1_000_000);
  }

  /** Miles the change adds (negative: takes away) over the window. */
  public long milesDifference() {
    return milesAfter - milesBefore;
  }
}
