package org.openmiles.retention.api;

import java.time.LocalDate;

/** Aggregates over the member facts for the dashboards, one set-based statement each. */
public interface RetentionStatistics {
  /** The revenue concentration over the members active between {@code from} and {@code to}. */
  RevenueConcentration revenueConcentration(LocalDate from, LocalDate to);
}
