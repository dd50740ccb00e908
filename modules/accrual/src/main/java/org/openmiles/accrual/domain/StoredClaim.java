package org.openmiles.accrual.domain;

import org.openmiles.accrual.api.ClaimView;

/** A claim as stored: what members and agents see, and what idempotency compares. */
public record StoredClaim(ClaimView view, String requestHash) {
  public long id() {
    return view.id();
  }
}
