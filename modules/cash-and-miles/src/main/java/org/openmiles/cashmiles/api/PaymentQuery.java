package org.openmiles.cashmiles.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A page of a client's payments in id order: those after {@code after} (0 for the first page), at
 * most {@code limit} (1-200), optionally only those in one status (as reported now).
 */
public record PaymentQuery(ClientId client, Optional<PaymentStatus> status, long after, int limit) {
  public PaymentQuery {
    Objects.requireNonNull(client, "client is required");
    status = status == null ? Optional.empty() : status;
    if (after < 0) {
      throw new IllegalArgumentException("after must not be negative");
    }
    if (limit < 1 || limit > 200) {
      throw new IllegalArgumentException("limit must be 1 to 200");
    }
  }
}
