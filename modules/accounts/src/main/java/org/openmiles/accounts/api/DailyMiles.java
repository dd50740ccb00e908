package org.openmiles.accounts.api;

import java.time.LocalDate;
import java.util.Objects;

/** Miles issued on one calendar day. */
public record DailyMiles(LocalDate day, long miles) {
  public DailyMiles {
    Objects.requireNonNull(day, "day is required");
  }
}
