package org.openmiles.accrual.api;

import java.util.Objects;

/** Miles a partner issued in a period, and through how many files. */
public record PartnerMiles(String partnerCode, String partnerName, long miles, long files) {
  public PartnerMiles {
    Objects.requireNonNull(partnerCode, "partnerCode is required");
    Objects.requireNonNull(partnerName, "partnerName is required");
  }
}
