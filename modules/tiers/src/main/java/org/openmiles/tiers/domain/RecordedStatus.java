package org.openmiles.tiers.domain;

import java.time.LocalDate;

/**
 * A member's recorded status: the earned one, and the override (tier, first and last day) if one is
 * recorded (it may have expired without the expiry job having ended it yet).
 */
public record RecordedStatus(
    EarnedStatus earned,
    Long overrideId,
    String overrideTier,
    LocalDate overrideSince,
    LocalDate overrideUntil) {

  public boolean overrideOn(LocalDate date) {
    return overrideTier != null && !date.isBefore(overrideSince) && !date.isAfter(overrideUntil);
  }
}
