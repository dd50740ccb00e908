package org.openmiles.tiers.domain;

import java.time.LocalDate;
import org.openmiles.tiers.api.TierBenefits;

/** A tier definition and the dates it is in force: from (inclusive) to (exclusive, or null). */
public record DatedTier(TierBenefits tier, LocalDate from, LocalDate to) {
  public boolean appliesOn(LocalDate date) {
    return !date.isBefore(from) && (to == null || date.isBefore(to));
  }
}
