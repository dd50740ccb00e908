package org.openmiles.program.api;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/** The month breakdown of a {@link Simulation}: every month of its window, none left out. */
public final class SimulationMonths {
  private SimulationMonths() {}

  /**
   * Every month of {@code from}–{@code to} in order, keyed {@code YYYY-MM}, each a {@code month}
   * group of zeros for the months a replay finds no activity in.
   */
  public static Map<String, Simulation.Group> empty(LocalDate from, LocalDate to) {
    Map<String, Simulation.Group> months = new LinkedHashMap<>();
    for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
      months.put(m.toString(), new Simulation.Group("month", m.toString(), 0, 0, 0));
    }
    return months;
  }
}
