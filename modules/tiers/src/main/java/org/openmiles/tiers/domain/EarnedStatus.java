package org.openmiles.tiers.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The tier a member has earned, held from {@code since} to {@code validUntil} inclusive ({@code
 * null}: until further notice, as for a lifetime tier or the base tier).
 */
public record EarnedStatus(String tierCode, LocalDate since, LocalDate validUntil) {
  public EarnedStatus {
    Objects.requireNonNull(tierCode, "tierCode");
    Objects.requireNonNull(since, "since");
  }

  public boolean holdsOn(LocalDate date) {
    return !date.isBefore(since) && (validUntil == null || !date.isAfter(validUntil));
  }
}
