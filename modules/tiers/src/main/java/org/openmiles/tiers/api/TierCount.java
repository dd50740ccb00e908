package org.openmiles.tiers.api;

import java.util.Objects;

/** The number of members holding a tier. */
public record TierCount(String code, String name, long members) {
  public TierCount {
    Objects.requireNonNull(code, "code is required");
    Objects.requireNonNull(name, "name is required");
  }
}
