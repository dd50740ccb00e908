package org.openmiles.accrual.api;

import java.util.Collection;
import java.util.Map;

/**
 * The activities behind ledger postings, for modules that keep facts about members (retention): one
 * read per call, however many references it asks for, so a chunk of a bulk file costs one lookup.
 */
public interface ActivityOrigins {
  /**
   * The origins of the base references given ({@link LedgerReferences#activityBase}), keyed by
   * reference, with revenue in {@code currency} (an ISO 4217 code); a reference accrual holds no
   * record for (a flight credited by a claim without a coupon) is absent.
   */
  Map<String, ActivityOrigin> of(Collection<String> baseReferences, String currency);
}
