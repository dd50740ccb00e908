package org.openmiles.retention.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A model fitted by a run: {@code kind} BG_NBD (parameters r, alpha, a, b; time in weeks) or
 * GAMMA_GAMMA (p, q, gamma); the log-likelihood at the fit, the members and distinct rows it read,
 * the activity date it was fitted to, and how long the fit took.
 */
public record ModelFitView(
    long id,
    long runId,
    String kind,
    Map<String, Double> parameters,
    double logLikelihood,
    long members,
    long distinctRows,
    LocalDate asOf,
    String cohort,
    Instant fittedAt,
    long durationMs) {

  public ModelFitView {
    parameters = Map.copyOf(parameters);
  }
}
