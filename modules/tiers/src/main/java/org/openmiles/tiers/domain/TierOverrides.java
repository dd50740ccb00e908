package org.openmiles.tiers.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Tiers granted by an agent for a while, above what the member earned. */
public interface TierOverrides {

  Optional<OverrideGrant> override(long id);

  /**
   * Records a new override and makes it the member's override in force, ending the one it replaces.
   * The member's status is created (base tier since {@code today}) if missing. Returns its id.
   */
  long grantOverride(
      String member,
      String tier,
      String reason,
      String approver,
      LocalDate today,
      LocalDate expiresOn,
      String baseTier);

  /** Ends every override whose last day is before {@code today}; returns what ended. */
  List<EndedOverride> endOverridesBefore(LocalDate today);
}
