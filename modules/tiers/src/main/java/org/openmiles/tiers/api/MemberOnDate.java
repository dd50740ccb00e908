package org.openmiles.tiers.api;

import java.time.LocalDate;
import java.util.Objects;
import org.openmiles.accounts.api.MemberNumber;

/** A member on a date: the key of a status lookup over many dates at once. */
public record MemberOnDate(MemberNumber member, LocalDate date) {
  public MemberOnDate {
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(date, "date");
  }
}
