package org.openmiles.retention.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a run reads: the activity days up to and including {@code asOf}, of every member or only of
 * those whose number starts with {@code cohort} (null: every member). A cohort keeps a test's
 * members (CDNOW's, say) apart from the rest.
 */
public record ScoringScope(String cohort, LocalDate asOf) {
  public ScoringScope {
    Objects.requireNonNull(asOf, "asOf");
    if (cohort != null && (cohort.isEmpty() || cohort.length() > 10)) {
      throw new IllegalArgumentException(
          "a cohort is a member number prefix of 1 to 10 characters");
    }
  }
}
