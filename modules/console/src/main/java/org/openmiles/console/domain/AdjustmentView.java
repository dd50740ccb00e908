package org.openmiles.console.domain;

import java.time.Instant;

/**
 * A goodwill adjustment and what became of it; {@code ledgerEntry} is the ledger entry that posted
 * it (null while PENDING or when REJECTED).
 */
public record AdjustmentView(
    long id,
    String member,
    long miles,
    String reason,
    AdjustmentStatus status,
    String requestedBy,
    Instant requestedAt,
    String decidedBy,
    Instant decidedAt,
    String decisionNote,
    Long ledgerEntry) {

  /** The ledger source reference of this adjustment: its idempotency key. */
  public static String sourceReference(long id) {
    return "console-adj:" + id;
  }
}
