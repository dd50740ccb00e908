package org.openmiles.common.operations;

import java.util.Map;

/**
 * A module's facts for operations: a CDI bean implementing this is asked on every call of the
 * operations-only health and metrics endpoints. The public health checks give counts only; these
 * may name routes, partners or folders, because only the {@code operations} role reads them.
 */
public interface OperationalFacts {

  /** A short lower-case name ({@code routes}, say): the section of the detailed health. */
  String name();

  /** Whether this part works: the section's status in the detailed health. */
  boolean up();

  /** Named details for the detailed health (route name to state, say). */
  Map<String, Object> details();

  /**
   * Numbers for the metrics, by metric name without the {@code openmiles_} prefix ({@code
   * routes_started}, say); each becomes one gauge.
   */
  Map<String, Number> gauges();
}
