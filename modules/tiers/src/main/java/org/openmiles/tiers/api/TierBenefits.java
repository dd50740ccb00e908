package org.openmiles.tiers.api;

import java.util.Objects;

/**
 * A member's tier as other modules need it: its code and name, its rank (0 = base tier) and the
 * non-qualifying bonus it adds to base flight miles, in percent.
 */
public record TierBenefits(String code, String name, int rank, int flightBonusPercent) {
  public TierBenefits {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
  }
}
