package org.openmiles.retention.api;

import java.time.LocalDate;
import java.util.List;

/**
 * NPS of the answers given from {@code from} to {@code to} (airline dates, inclusive), one row per
 * group of {@code by} in key order, and the total over all of them.
 */
public record NpsReport(
    NpsDimension by, LocalDate from, LocalDate to, List<NpsRow> rows, NpsRow total) {
  public NpsReport {
    rows = List.copyOf(rows);
  }
}
